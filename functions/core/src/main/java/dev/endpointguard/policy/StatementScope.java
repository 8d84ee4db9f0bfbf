package dev.endpointguard.policy;

import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

/** How impact texts name what a statement allows: "Action * on Resource *", "every action but s3:Delete* on …". */
final class StatementScope {
  private static final int SHOWN = 3;

  private StatementScope() {
  }

  static String of(IamStatement statement) {
    String actions = statement.notActions().isEmpty()
        ? "Action " + list(statement.actions())
        : "every action but " + list(statement.notActions());
    String resources = statement.notResources().isEmpty()
        ? "Resource " + list(statement.resources())
        : "every resource but " + list(statement.notResources());
    return actions + " on " + resources;
  }

  /** Up to three values, then how many more. */
  static String list(List<? extends IamValue> values) {
    return names(values.stream().map(IamValue::value).toList());
  }

  static String names(List<String> values) {
    if (values.size() <= SHOWN) {
      return String.join(", ", values);
    }
    return String.join(", ", values.subList(0, SHOWN)) + " and " + (values.size() - SHOWN) + " more";
  }
}
