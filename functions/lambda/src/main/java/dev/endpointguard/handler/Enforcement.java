package dev.endpointguard.handler;

import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.alert.AlertPublisher;
import dev.endpointguard.alert.PublishResult;
import dev.endpointguard.engine.Guard;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.inventory.Targets;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Evaluate → act per mode → alert, for the handlers that may change AWS. The report and the alerts are finished
 * before a retryable failure is thrown, so a retry finds the work done and only repeats what failed.
 */
final class Enforcement {
  /** One message per finding (up to the formatter's digest threshold), or one digest however few. */
  enum AlertStyle { PER_FINDING, DIGEST }

  private final HandlerRuntime runtime;
  private final AlertFormatter formatter = new AlertFormatter();

  Enforcement(HandlerRuntime runtime) {
    this.runtime = runtime;
  }

  HandlerResult run(Invocation invocation, List<Targets> reads, Settings settings, AlertStyle style, String reason) {
    Guard guard = runtime.guard();
    List<EvaluationResult> results = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> retryable = new ArrayList<>();
    for (Targets read : reads) {
      Guard.Run run = guard.run(read, settings);
      results.addAll(run.report().results());
      run.problems().stream().map(InventoryProblem::toString).forEach(problems::add);
      retryable.addAll(run.retryableFailures());
    }
    ScanReport report = new ScanReport(invocation.scope().account(), invocation.scope().region(), results);
    AlertTally alerts = alert(report, invocation, settings, style, problems);
    if (!retryable.isEmpty()) {
      invocation.metrics().record(results);
      throw new RetryableInvocationException(invocation.function() + ": " + retryable.size()
          + " change(s) failed in a way a retry can fix: " + String.join("; ", retryable));
    }
    return new HandlerResult(InvocationStatus.DONE, invocation.function(), reason, results, alerts,
        OptionalInt.empty(), problems);
  }

  private AlertTally alert(ScanReport report, Invocation invocation, Settings settings, AlertStyle style,
                           List<String> problems) {
    Optional<AlertPublisher> publisher = runtime.alerts();
    if (publisher.isEmpty()) {
      return AlertTally.none();
    }
    AlertContext ctx = new AlertContext(invocation.function(), invocation.requestId(), settings.azHourPriceUsd());
    List<AlertMessage> messages = style == AlertStyle.DIGEST ? formatter.digest(report, ctx)
        : formatter.format(report, ctx);
    if (messages.isEmpty()) {
      return AlertTally.none();
    }
    PublishResult published = publisher.get().publish(messages);
    published.failures().forEach(f -> problems.add("alert '" + f.subject() + "' not published: " + f.errorCode()
        + " " + f.message()));
    return new AlertTally(published.published(), published.failures().size());
  }
}
