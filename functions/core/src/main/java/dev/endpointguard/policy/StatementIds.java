package dev.endpointguard.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Hands out Sids for derived statements, unique within the policy. IAM Sids hold only letters and digits:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
 */
final class StatementIds {
  private final Set<String> taken = new HashSet<>();

  StatementIds(List<IamStatement> statements) {
    statements.stream().map(IamStatement::sid).filter(Objects::nonNull).forEach(taken::add);
  }

  /** A new Sid: the original's (or "Statement" and its position), letters and digits only, plus a suffix. */
  String derive(int index, IamStatement original, String suffix) {
    String base = StatementLabel.sid(original).map(s -> s.replaceAll("[^A-Za-z0-9]", "")).orElse("")
        .transform(s -> s.isEmpty() ? "Statement" + index : s);
    String sid = base + suffix;
    for (int n = 2; taken.contains(sid); n++) {
      sid = base + suffix + n;
    }
    taken.add(sid);
    return sid;
  }
}
