package dev.endpointguard.sink;

import java.util.List;
import java.util.Objects;

/**
 * What publishing a batch of alerts did: the SNS message ids of those sent, and each failure as data.
 *
 * @param messageIds SNS message ids, one per message published, in order
 * @param failures   the messages SNS did not take, with why
 */
public record PublishResult(List<String> messageIds, List<Failure> failures) {
  public PublishResult {
    messageIds = List.copyOf(messageIds);
    failures = List.copyOf(failures);
  }

  /**
   * One message SNS did not take.
   *
   * @param index     the message's position in the published list
   * @param errorCode the AWS error code ({@code NotFound}, {@code Throttling}, ...) or the client error's name
   * @param retryable throttling, a 5xx or a network failure that outlasted the SDK's retries: worth another try
   */
  public record Failure(int index, String subject, String errorCode, String message, boolean retryable) {
    public Failure {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(message, "message");
    }
  }

  public int published() {
    return messageIds.size();
  }
}
