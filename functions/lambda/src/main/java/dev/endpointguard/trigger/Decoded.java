package dev.endpointguard.trigger;

/**
 * What a decoder made of one event: work to do (a {@link Trigger}), nothing to do ({@link Ignored}), or an event it
 * refuses ({@link Rejected}). Decoders never throw: every input ends in exactly one of these.
 */
public sealed interface Decoded permits Trigger, Ignored, Rejected {

  /** One line for logs and handler results. */
  String summary();
}
