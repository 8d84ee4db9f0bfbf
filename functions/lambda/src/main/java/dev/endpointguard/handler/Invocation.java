package dev.endpointguard.handler;

import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import java.util.Objects;

/**
 * One invocation as a handler sees it: which function, Lambda's request id, the settings, the account and region
 * served, and the metrics being counted.
 */
record Invocation(String function, String requestId, Settings settings, AccountRegion scope, InvocationMetrics metrics) {
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
  }
}
