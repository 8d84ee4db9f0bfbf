package dev.endpointguard.plan;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * AWS throttled or failed on its side even after the SDK's retries. Thrown so that the caller (a Lambda handler)
 * can let the invocation fail and be retried; the changes already written are idempotent on the retry.
 * {@link #before()} says what the plan's earlier changes came to, so the changes written before the failure are
 * still reported (and alerted) once.
 */
public final class RetryableAwsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ChangeResult> before;

  public RetryableAwsException(String what, SdkException cause) {
    this(what + ": " + cause.getMessage(), cause, List.of());
  }

  private RetryableAwsException(String message, Throwable cause, List<ChangeResult> before) {
    super(message, cause);
    this.before = List.copyOf(before);
  }

  /** The results of the plan's changes before the one that failed, in plan order; empty when none came first. */
  public List<ChangeResult> before() {
    return before;
  }

  /** The same failure, knowing what the earlier changes of the plan came to. */
  RetryableAwsException after(List<ChangeResult> earlier) {
    return new RetryableAwsException(getMessage(), getCause(), earlier);
  }
}
