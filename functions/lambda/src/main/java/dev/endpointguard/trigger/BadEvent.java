package dev.endpointguard.trigger;

/** Inside the decoders only: the event is malformed; the boundary turns it into {@link Rejected}. */
final class BadEvent extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadEvent(String reason) {
    super(reason, null, false, false);
  }
}
