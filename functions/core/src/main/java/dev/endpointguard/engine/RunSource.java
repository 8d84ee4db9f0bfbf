package dev.endpointguard.engine;

import java.util.Objects;

/**
 * Who asked for a run, as alerts and logs name it.
 *
 * @param name  the Lambda function's logical id ({@code SweepFunction}, …) or {@code cli}
 * @param runId Lambda's request id (the same on Lambda's retries of an event), or a fresh id per CLI run
 */
public record RunSource(String name, String runId) {
  public RunSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runId, "runId");
  }
}
