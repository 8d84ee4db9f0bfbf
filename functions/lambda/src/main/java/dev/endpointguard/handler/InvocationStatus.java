package dev.endpointguard.handler;

import java.util.Locale;

/** How an invocation ended, as its result says. */
public enum InvocationStatus {
  /** The event was handled: evaluated, acted on per mode, alerted. */
  DONE,
  /** A well-formed event that asks for no work (a failed API call, our own fix, a rule of another team). */
  IGNORED,
  /** A malformed, foreign or unknown event: logged, answered, no AWS writes. */
  REJECTED,
  /** AWS refused in a way a retry cannot fix (access denied, a missing resource): logged, not thrown. */
  FAILED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
