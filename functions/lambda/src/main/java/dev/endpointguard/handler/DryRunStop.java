package dev.endpointguard.handler;

/** Thrown by {@link DryRunInterceptor} in place of sending a request: the request was built, marshalled and signed. */
final class DryRunStop extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DryRunStop(String operation) {
    super("dry run: " + operation + " not sent", null, false, false);
  }
}
