package dev.endpointguard.handler;

import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.report.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers, printed as JSON to Lambda's output stream ({@link ResultJson}).
 *
 * @param function    the logical id of the function that ran ({@code ChangeEventFunction}, ...)
 * @param evaluations the run's evaluations with their outcomes
 * @param deliveries  what each sink did (alerts published, Config evaluations sent), in the order they ran
 * @param problems    what could not be read or delivered, one line each
 */
public record HandlerResult(InvocationStatus status, String function, String reason, List<EvaluationResult> evaluations,
                            List<Delivery> deliveries, List<String> problems) {
  public HandlerResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(reason, "reason");
    evaluations = List.copyOf(evaluations);
    deliveries = List.copyOf(deliveries);
    problems = List.copyOf(problems);
  }

  /** A run that ended: its evaluations, its sinks' deliveries, and every problem of either. */
  public static HandlerResult done(String function, String reason, Run run, List<Delivery> deliveries) {
    List<String> problems = new ArrayList<>();
    run.problems().stream().map(InventoryProblem::toString).forEach(problems::add);
    deliveries.forEach(d -> problems.addAll(d.problems()));
    return new HandlerResult(InvocationStatus.DONE, function, reason, run.results(), deliveries, problems);
  }

  public static HandlerResult rejected(String function, String reason) {
    return new HandlerResult(InvocationStatus.REJECTED, function, reason, List.of(), List.of(), List.of());
  }

  public static HandlerResult ignored(String function, String reason) {
    return new HandlerResult(InvocationStatus.IGNORED, function, reason, List.of(), List.of(), List.of());
  }

  public static HandlerResult failed(String function, String reason) {
    return new HandlerResult(InvocationStatus.FAILED, function, reason, List.of(), List.of(), List.of());
  }

  /** What the sink named {@code sink} did, if it ran. */
  public Optional<Delivery> delivery(String sink) {
    return deliveries.stream().filter(d -> d.sink().equals(sink)).findFirst();
  }
}
