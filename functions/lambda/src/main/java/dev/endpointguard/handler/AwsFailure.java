package dev.endpointguard.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Sorts AWS errors that outlasted the SDK's retries: worth another attempt later, or not. */
final class AwsFailure {
  private AwsFailure() {
  }

  /** Throttling, an AWS 5xx, or the network: a later attempt can succeed. Access denied and bad requests cannot. */
  static boolean retryable(SdkException e) {
    if (e instanceof AwsServiceException service) {
      return service.isThrottlingException() || service.statusCode() >= 500;
    }
    if (e.retryable()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The AWS error code (or the client error's name) and message, on one line. */
  static String describe(SdkException e) {
    String code = e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null
        ? service.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
    String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
    return code + ": " + message;
  }
}
