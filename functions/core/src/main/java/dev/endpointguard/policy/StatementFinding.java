package dev.endpointguard.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * One broad Allow statement.
 *
 * @param index  the statement's 1-based position in the policy, as the reason names it
 * @param sid    the statement's Sid, when it has one
 * @param reason one sentence naming the statement and why it is broad
 */
public record StatementFinding(int index, Optional<String> sid, String reason) {
  public StatementFinding {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(reason, "reason");
  }
}
