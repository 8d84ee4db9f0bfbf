package dev.endpointguard.policy;

import dev.endpointguard.model.AccountId;
import java.util.Optional;

/** The account an ARN belongs to, when the ARN fixes one (no wildcard before or in the account field). */
final class ArnAccount {

  private ArnAccount() {
  }

  // arn:partition:service:region:account-id:resource
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
  static Optional<String> of(String arn) {
    String[] fields = arn.split(":", 6);
    if (fields.length < 6 || !fields[0].equals("arn")) {
      return Optional.empty();
    }
    for (int i = 1; i <= 4; i++) {
      if (Wildcards.in(fields[i])) {
        return Optional.empty();
      }
    }
    return AccountId.valid(fields[4]) ? Optional.of(fields[4]) : Optional.empty();
  }

  static boolean isAccountId(String value) {
    return AccountId.valid(value);
  }
}
