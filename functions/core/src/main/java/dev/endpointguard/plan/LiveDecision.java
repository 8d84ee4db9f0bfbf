package dev.endpointguard.plan;

import dev.endpointguard.plan.LiveState.LiveEndpoint;
import java.util.Optional;

/**
 * What the executor does with a change just before writing it, decided by the change from a fresh read
 * ({@link Change#beforeWrite}): write (only the part still missing), nothing because it is already in effect, or skip
 * it and say why.
 *
 * @param write  for WRITE: the part of the change still missing (e.g. only the AZs not yet covered)
 * @param reason for SKIP: why
 */
record LiveDecision(Action action, Optional<Change> write, String reason) {
  /** What to do with a change now. */
  enum Action { WRITE, ALREADY_IN_EFFECT, SKIP }

  static LiveDecision write(Change missingPart) {
    return new LiveDecision(Action.WRITE, Optional.of(missingPart), "");
  }

  static LiveDecision inEffect() {
    return new LiveDecision(Action.ALREADY_IN_EFFECT, Optional.empty(), "");
  }

  static LiveDecision skip(String reason) {
    return new LiveDecision(Action.SKIP, Optional.empty(), reason);
  }

  /** Skips a change whose resource no longer matches what the plan was made from. */
  static LiveDecision drifted(String what) {
    return skip("changed since evaluated: " + what);
  }

  /** Skips a change whose resource is gone. */
  static LiveDecision gone(Change change) {
    return skip(change.target() + " is gone");
  }

  /**
   * Writes {@code missingPart} if the endpoint can be modified now, else skips. Only an available endpoint can be
   * modified: https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html#concepts-vpc-endpoints
   */
  static LiveDecision writeIfModifiable(LiveEndpoint endpoint, Change missingPart) {
    return endpoint.state().modifiable() ? write(missingPart)
        : skip(endpoint.endpointId() + " is " + endpoint.state() + ", not available");
  }
}
