package dev.endpointguard.policy;

import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** How reasons name a statement: its 1-based position and, when it has one, its Sid. */
final class StatementLabel {
  private StatementLabel() {
  }

  static String of(int index, IamStatement statement) {
    return "statement " + index + sid(statement).map(s -> " (Sid \"" + s + "\")").orElse("");
  }

  static Optional<String> sid(IamStatement statement) {
    return Optional.ofNullable(statement.sid()).filter(s -> !s.isEmpty());
  }
}
