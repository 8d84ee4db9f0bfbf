package dev.endpointguard.handler;

/**
 * The invocation failed in a way a later attempt can fix (AWS throttling or a 5xx that outlasted the SDK's retries,
 * or settings the operator has to correct). Thrown out of the handler so that Lambda retries the asynchronous event
 * and, after its last attempt, keeps it in the dead-letter queue: nothing is lost.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
public final class RetryableInvocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RetryableInvocationException(String message) {
    super(message);
  }

  public RetryableInvocationException(String message, Throwable cause) {
    super(message, cause);
  }
}
