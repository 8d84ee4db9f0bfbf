package dev.endpointguard.sink;

import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.model.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes alerts to one SNS topic, each on its own: a failed message is reported with its AWS error code and does
 * not stop the others. Nothing is thrown for an SNS or network failure; the SDK's own retries run first.
 */
public final class AlertPublisher {
  static final String FIFO_SUFFIX = ".fifo";
  static final String MESSAGE_GROUP = "endpoint-guard";
  private final Supplier<SnsClient> sns;
  private final String topicArn;

  public AlertPublisher(SnsClient sns, String topicArn) {
    this(supplier(sns), topicArn);
  }

  /** With the client made on the first publish. */
  public AlertPublisher(Supplier<SnsClient> sns, String topicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
  }

  private static Supplier<SnsClient> supplier(SnsClient sns) {
    Objects.requireNonNull(sns, "sns");
    return () -> sns;
  }

  public PublishResult publish(List<AlertMessage> messages) {
    List<String> ids = new ArrayList<>();
    List<PublishResult.Failure> failures = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      AlertMessage message = messages.get(i);
      try {
        ids.add(sns.get().publish(request(message)).messageId());
      } catch (SdkException e) {
        failures.add(new PublishResult.Failure(i, message.subject(), AwsErrors.code(e), messageOf(e),
            AwsErrors.retryable(e)));
      }
    }
    return new PublishResult(ids, failures);
  }

  private PublishRequest request(AlertMessage message) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    message.attributes().forEach((name, value) -> attributes.put(name,
        MessageAttributeValue.builder().dataType(AlertMessage.ATTRIBUTE_TYPE).stringValue(value).build()));
    String body = message.structuredMessage();
    PublishRequest.Builder request = PublishRequest.builder()
        .topicArn(topicArn)
        .subject(message.subject())
        .messageStructure("json")
        .message(body)
        .messageAttributes(attributes);
    // A FIFO topic requires a group id, and a deduplication id unless content-based deduplication is on.
    // https://docs.aws.amazon.com/sns/latest/dg/fifo-message-dedup.html
    if (topicArn.endsWith(FIFO_SUFFIX)) {
      request.messageGroupId(MESSAGE_GROUP).messageDeduplicationId(Sha256.hex(body));
    }
    return request.build();
  }


  private static String messageOf(SdkException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

}
