package dev.endpointguard.handler;

import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a handler answers, printed as JSON to Lambda's output stream ({@link ResultJson}).
 *
 * @param function          the logical id of the function that ran ({@code ChangeEventFunction}, ...)
 * @param configEvaluations Config evaluations sent with PutEvaluations (the Config rule function only)
 * @param problems          what could not be read, alerted or sent, one line each
 */
public record HandlerResult(InvocationStatus status, String function, String reason, List<EvaluationResult> evaluations,
                            AlertTally alerts, OptionalInt configEvaluations, List<String> problems) {
  public HandlerResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(reason, "reason");
    evaluations = List.copyOf(evaluations);
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(configEvaluations, "configEvaluations");
    problems = List.copyOf(problems);
  }

  public static HandlerResult rejected(String function, String reason) {
    return new HandlerResult(InvocationStatus.REJECTED, function, reason, List.of(), AlertTally.none(),
        OptionalInt.empty(), List.of());
  }

  public static HandlerResult ignored(String function, String reason) {
    return new HandlerResult(InvocationStatus.IGNORED, function, reason, List.of(), AlertTally.none(),
        OptionalInt.empty(), List.of());
  }

  public static HandlerResult failed(String function, String reason) {
    return new HandlerResult(InvocationStatus.FAILED, function, reason, List.of(), AlertTally.none(),
        OptionalInt.empty(), List.of());
  }

  /** Counts over {@link #evaluations()}, as the scan report counts them. */
  public ScanReport.Summary summary() {
    return new ScanReport("", "", evaluations).summary();
  }
}
