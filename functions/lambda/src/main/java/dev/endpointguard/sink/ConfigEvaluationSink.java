package dev.endpointguard.sink;

import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.report.EvaluationResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Config rule invocation's verdicts to AWS Config (PutEvaluations, through {@link ConfigEvaluationWriter}).
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_lambda-functions.html
 */
public final class ConfigEvaluationSink implements Sink {
  /** The sink's name in results and logs. */
  public static final String NAME = "config";

  private final ConfigEvaluationWriter writer;
  private final Instant orderingTimestamp;
  private final String resultToken;
  private final boolean testMode;

  public ConfigEvaluationSink(ConfigEvaluationWriter writer, Instant orderingTimestamp, String resultToken,
                              boolean testMode) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.orderingTimestamp = Objects.requireNonNull(orderingTimestamp, "orderingTimestamp");
    this.resultToken = Objects.requireNonNull(resultToken, "resultToken");
    this.testMode = testMode;
  }

  /**
   * @throws SdkException when AWS Config refuses in a way a retry can fix (throttling, a 5xx): the handler lets Lambda
   *                      retry the event, which sends every verdict again (PutEvaluations only records the latest)
   */
  @Override
  public Delivery deliver(Run run) {
    List<EvaluationResult> results = run.results();
    try {
      ConfigEvaluationWriter.Sent sent = writer.put(results.stream().map(EvaluationResult::evaluation).toList(),
          orderingTimestamp, resultToken, testMode);
      return new Delivery(NAME, sent.evaluations() - sent.failures().size(), sent.failures().size(), 0,
          sent.failures());
    } catch (SdkException e) {
      if (AwsErrors.retryable(e)) {
        throw e;
      }
      return new Delivery(NAME, 0, results.size(), 0, List.of("AWS Config did not take the evaluations: "
          + AwsErrors.describe(e)));
    }
  }
}
