package dev.endpointguard.sink;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.Sha256;
import dev.endpointguard.trigger.ContinuationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Hands the VPCs a sweep did not start to the next invocation: one message per {@value ContinuationMessage#MAX_VPCS}
 * VPCs on the sweep's SQS queue, whose event source mapping invokes SweepFunction with it. Nothing is lost:
 * <ul>
 *   <li>on a FIFO queue each message carries its group (the sweep, so its parts run one after another) and a
 *       deduplication id (the body's SHA-256), so a send the SDK retries after a lost answer is taken once;</li>
 *   <li>a message SQS did not take after the SDK's retries is written whole to the log ({@value #UNDELIVERED}, with
 *       {@code queueUrl} and the {@code message} to send again) and counted as failed, which the handler reports as
 *       the {@code SweepContinuationsUndelivered} metric and the template alarms on;</li>
 *   <li>when the run will be retried (a change failed in a way a retry can fix, and Lambda invokes the same event
 *       again), nothing is handed over: the retry sweeps the same VPCs, these included, so they are deferred to it
 *       rather than swept twice.</li>
 * </ul>
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 */
public final class ContinuationSink implements Sink {
  /** The sink's name in results and logs. */
  public static final String NAME = "continuation";
  static final String UNDELIVERED = "sweep continuation not delivered";
  private static final Logger LOG = LoggerFactory.getLogger(ContinuationSink.class);
  private static final String FIFO_SUFFIX = ".fifo";

  private final Supplier<SqsClient> sqs;
  private final String queueUrl;
  private final String sweepId;
  private final int part;
  private final List<String> vpcIds;

  /**
   * @param part   this invocation's part of the sweep (1 for the scheduled one); the messages are parts
   *               {@code part + 1}, {@code part + 2}, …
   * @param vpcIds the VPCs not started, in id order
   */
  public ContinuationSink(Supplier<SqsClient> sqs, String queueUrl, String sweepId, int part, List<String> vpcIds) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    this.sweepId = Objects.requireNonNull(sweepId, "sweepId");
    this.part = part;
    this.vpcIds = List.copyOf(vpcIds);
  }

  /** Delivered and failed count VPCs, not messages; deferred counts the VPCs left to a retry of this event. */
  @Override
  public Delivery deliver(Run run) {
    if (vpcIds.isEmpty()) {
      return Delivery.none(NAME);
    }
    if (run.retryable()) {
      return new Delivery(NAME, 0, 0, vpcIds.size(), List.of());
    }
    int handedOver = 0;
    int failed = 0;
    List<String> problems = new ArrayList<>();
    int next = part;
    for (int from = 0; from < vpcIds.size(); from += ContinuationMessage.MAX_VPCS) {
      List<String> batch = vpcIds.subList(from, Math.min(vpcIds.size(), from + ContinuationMessage.MAX_VPCS));
      next++;
      String body = ContinuationMessage.body(run.scope(), sweepId, next, batch);
      try {
        String messageId = sqs.get().sendMessage(request(body)).messageId();
        LOG.info("sweep continued", entry("sweepId", sweepId), entry("part", next), entry("vpcs", batch.size()),
            entry("messageId", messageId));
        handedOver += batch.size();
      } catch (SdkException e) {
        LOG.error(UNDELIVERED, entry("queueUrl", queueUrl), entry("errorCode", AwsErrors.code(e)),
            entry("error", AwsErrors.describe(e)), entry("message", body));
        failed += batch.size();
        problems.add("sweep " + sweepId + " part " + next + " (" + batch.size() + " VPCs) not handed over ("
            + AwsErrors.describe(e) + "); the message is kept in the log, to be sent to " + queueUrl);
      }
    }
    return new Delivery(NAME, handedOver, failed, 0, problems);
  }

  private SendMessageRequest request(String body) {
    SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
    if (queueUrl.endsWith(FIFO_SUFFIX)) {
      request.messageGroupId(sweepId).messageDeduplicationId(Sha256.hex(body));
    }
    return request.build();
  }

}
