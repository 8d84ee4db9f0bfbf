package dev.endpointguard.handler;

import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One invocation as a handler sees it: which function, Lambda's request id, the settings, the account and region
 * served, the metrics being counted, and the time left before Lambda stops the invocation (milliseconds, from the
 * Lambda context; practically unbounded without one).
 */
record Invocation(String function, String requestId, Settings settings, AccountRegion scope, InvocationMetrics metrics,
                  LongSupplier remainingMillis) {
  /** Where a run for this invocation comes from, as alerts name it. */
  RunSource source() {
    return new RunSource(function, requestId);
  }

  Invocation {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(remainingMillis, "remainingMillis");
  }
}
