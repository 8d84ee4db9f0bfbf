/**
 * Where a Lambda run's outcomes go: {@link dev.endpointguard.sink.AlertSink} (SNS, per finding or digest),
 * {@link dev.endpointguard.sink.ConfigEvaluationSink} (AWS Config {@code PutEvaluations}) and, when it is on,
 * {@link dev.endpointguard.sink.SecurityHubSink} (Security Hub {@code BatchImportFindings}).
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.sink;
