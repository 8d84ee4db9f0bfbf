package dev.endpointguard.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place that sorts AWS errors that outlasted the SDK's retries: worth another attempt later (throttling, an AWS
 * 5xx, the network), or not (access denied, a bad request, a missing resource). The executor, the handlers and the
 * sinks all ask here. https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
public final class AwsErrors {
  private AwsErrors() {
  }

  /** Throttling, an AWS 5xx, an error the SDK marks retryable, or a failed connection: a later attempt can succeed. */
  public static boolean retryable(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500 || service.retryable();
    }
    return e.retryable() || causedByNetwork(e);
  }

  /**
   * AWS answered that it did not do the request and that a later attempt can (throttling, a 5xx): safe to send again
   * even for a call that is not idempotent. A failure without an answer (a lost or reset connection) is not this.
   */
  public static boolean refusedRetryably(Throwable e) {
    return e instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500);
  }

  /** A connection refused, reset or timed out somewhere in the causes: the network failed, not the request. */
  public static boolean causedByNetwork(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The AWS error code ({@code RequestLimitExceeded}, …), {@code HTTP <status>} without one, or the client error's name. */
  public static String code(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
          ? service.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
    }
    return e.getClass().getSimpleName();
  }

  /**
   * {@code code: message} on one line: AWS's own error message when the service sent one (without the SDK's
   * "(Service: …, Status Code: …, Request ID: …)" suffix), else the exception's message.
   */
  public static String describe(SdkException e) {
    String message = e.getMessage();
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorMessage() != null && !service.awsErrorDetails().errorMessage().isBlank()) {
      message = service.awsErrorDetails().errorMessage();
    }
    return code(e) + ": " + (message == null ? "" : message.replaceAll("\\s+", " ").trim());
  }
}
