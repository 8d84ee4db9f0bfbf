/**
 * Where a Lambda run's outcomes go: {@link dev.endpointguard.sink.AlertSink} (SNS, per finding or digest) and
 * {@link dev.endpointguard.sink.ConfigEvaluationSink} (AWS Config {@code PutEvaluations}).
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.sink;
