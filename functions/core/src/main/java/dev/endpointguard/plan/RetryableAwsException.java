package dev.endpointguard.plan;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS throttled or failed on its side even after the SDK's retries. Thrown so that the caller (a Lambda handler)
 * can let the invocation fail and be retried; the changes already written are idempotent on the retry.
 */
public final class RetryableAwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RetryableAwsException(String what, SdkException cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
