package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamCondition;

/**
 * Decides whether a statement's conditions confine its principal to trusted accounts and organizations.
 * Identity-perimeter keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
final class IdentityPerimeter {
  static final String ORG_ID = "aws:PrincipalOrgID";
  static final String ACCOUNT = "aws:PrincipalAccount";
  static final String ARN = "aws:PrincipalArn";
  static final String ORG_PATHS = "aws:PrincipalOrgPaths";
  static final String IS_AWS_SERVICE = "aws:PrincipalIsAWSService";

  private static final Set<String> NETWORK_KEYS = Set.of("aws:sourcevpc", "aws:sourcevpce", "aws:sourceip",
      "aws:vpcsourceip", "aws:sourcevpcarn", "aws:vpceorgid", "aws:vpceaccount", "aws:vpceorgpaths");
  private static final Set<String> RESOURCE_KEYS = Set.of("aws:resourceorgid", "aws:resourceaccount",
      "aws:resourceorgpaths");
  private static final Set<String> STRING_OPERATORS = Set.of("stringequals", "stringequalsignorecase", "stringlike");
  private static final Set<String> ARN_OPERATORS = Set.of("arnequals", "arnlike");
  // Organization ids: https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html
  private static final Pattern ORG_ID_PATTERN = Pattern.compile("o-[a-z0-9]{10,32}");

  private IdentityPerimeter() {
  }

  static PerimeterVerdict judge(List<IamCondition> conditions, TrustedIdentities trust) {
    List<String> objections = new ArrayList<>();
    for (ConditionBlock block : ConditionBlock.of(conditions)) {
      String key = block.key().toLowerCase(Locale.ROOT);
      if (NETWORK_KEYS.contains(key)) {
        objections.add(block.key() + " limits the network path, not the principal");
      } else if (RESOURCE_KEYS.contains(key)) {
        objections.add(block.key() + " limits the resource, not the principal");
      } else if (isIdentityKey(block)) {
        List<String> notes = new ArrayList<>();
        Optional<String> objection = objection(block, trust, notes);
        if (objection.isEmpty()) {
          return new PerimeterVerdict(true, notes, List.of());
        }
        objections.add(objection.get());
      }
    }
    return new PerimeterVerdict(false, List.of(), objections);
  }

  private static boolean isIdentityKey(ConditionBlock block) {
    return Set.of(ORG_ID, ACCOUNT, ARN, ORG_PATHS, IS_AWS_SERVICE).stream().anyMatch(block::hasKey);
  }

  /** Why this identity block does not bound the principal; empty when it does. */
  private static Optional<String> objection(ConditionBlock block, TrustedIdentities trust, List<String> notes) {
    OperatorName op = OperatorName.parse(block.operator());
    String on = block.operator() + " on " + block.key();
    if (op.ifExists()) {
      return Optional.of(on + " also passes when the key is absent");
    }
    if (op.negated()) {
      return Optional.of(on + " is negated and admits every other value");
    }
    if (op.forAllValues()) {
      return Optional.of(on + " also passes when the key is absent");
    }
    if (block.hasKey(IS_AWS_SERVICE)) {
      boolean requiresService = op.base().equals("bool")
          && block.values().stream().allMatch(v -> v.equalsIgnoreCase("true"));
      return requiresService ? Optional.empty() : Optional.of(on + " does not require an AWS service");
    }
    boolean arnKey = block.hasKey(ARN);
    if (!STRING_OPERATORS.contains(op.base()) && !(arnKey && ARN_OPERATORS.contains(op.base()))) {
      return Optional.of(on + " does not compare the principal with fixed values");
    }
    for (String value : block.values()) {
      Optional<String> rejected = rejectedValue(block, value, trust, notes);
      if (rejected.isPresent()) {
        return rejected;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> rejectedValue(ConditionBlock block, String value, TrustedIdentities trust,
                                                List<String> notes) {
    String quoted = block.key() + " value \"" + value + "\"";
    if (block.hasKey(ARN)) {
      Optional<String> account = ArnAccount.of(value);
      return account.isPresent() && trust.trustsAccount(account.get())
          ? Optional.empty()
          : Optional.of(quoted + " is not an ARN in a trusted account");
    }
    if (block.hasKey(ACCOUNT)) {
      return !Wildcards.in(value) && trust.trustsAccount(value)
          ? Optional.empty()
          : Optional.of(quoted + (Wildcards.in(value) ? " is a wildcard" : " is not a trusted account"));
    }
    // aws:PrincipalOrgID holds an org id; aws:PrincipalOrgPaths holds o-xxx/r-xxx/ou-xxx/... paths under one.
    String org = block.hasKey(ORG_PATHS) ? value.split("/", 2)[0] : value;
    if (Wildcards.in(org)) {
      return Optional.of(quoted + " is a wildcard");
    }
    if (!trust.orgIds().isEmpty()) {
      return trust.orgIds().contains(org) ? Optional.empty() : Optional.of(quoted + " is not a trusted organization");
    }
    if (!ORG_ID_PATTERN.matcher(org).matches()) {
      return Optional.of(quoted + " is not an organization id");
    }
    notes.add("organization " + org + " accepted without verification: no trusted org ids configured");
    return Optional.empty();
  }
}
