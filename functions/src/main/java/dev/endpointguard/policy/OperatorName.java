package dev.endpointguard.policy;

import java.util.Locale;

/**
 * A condition operator split into its parts, case folded: {@code ForAnyValue:StringLikeIfExists} is the set
 * qualifier {@code foranyvalue}, the base {@code stringlike} and the IfExists flag.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
record OperatorName(String qualifier, String base, boolean ifExists) {
  private static final String IF_EXISTS = "ifexists";

  static OperatorName parse(String operator) {
    String name = operator.toLowerCase(Locale.ROOT);
    String qualifier = "";
    int colon = name.indexOf(':');
    if (colon >= 0) {
      qualifier = name.substring(0, colon);
      name = name.substring(colon + 1);
    }
    boolean ifExists = name.endsWith(IF_EXISTS);
    if (ifExists) {
      name = name.substring(0, name.length() - IF_EXISTS.length());
    }
    return new OperatorName(qualifier, name, ifExists);
  }

  boolean negated() {
    return base.contains("not");
  }

  /** ForAllValues is true when the key is absent, so it never requires an identity. */
  boolean forAllValues() {
    return qualifier.equals("forallvalues");
  }
}
