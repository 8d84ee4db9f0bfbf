package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.policybuilder.iam.IamCondition;

/**
 * Decides whether a statement's conditions confine its principal to trusted accounts and organizations (or to AWS
 * service principals), following IAM's evaluation of each operator: a block bounds the principal only when it can be
 * true for no caller outside the trusted identities, the caller whose request lacks the key included. docs/rules.md
 * has the table, one line per operator and key, with the IAM page each rests on.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html ·
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
final class IdentityPerimeter {
  static final String ORG_ID = "aws:PrincipalOrgID";
  static final String ACCOUNT = "aws:PrincipalAccount";
  static final String ARN = "aws:PrincipalArn";
  static final String ORG_PATHS = "aws:PrincipalOrgPaths";
  static final String IS_AWS_SERVICE = "aws:PrincipalIsAWSService";
  static final String SERVICE_NAME = "aws:PrincipalServiceName";

  private static final Set<String> NETWORK_KEYS = Set.of("aws:sourcevpc", "aws:sourcevpce", "aws:sourceip",
      "aws:vpcsourceip", "aws:sourcevpcarn", "aws:vpceorgid", "aws:vpceaccount", "aws:vpceorgpaths");
  private static final Set<String> RESOURCE_KEYS = Set.of("aws:resourceorgid", "aws:resourceaccount",
      "aws:resourceorgpaths");
  // Present when an AWS service calls on behalf of a resource owner: they name the resource, not the caller.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceaccount
  private static final Set<String> SOURCE_KEYS = Set.of("aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths",
      "aws:sourcearn");
  // Attributes of a caller in any account: none ties the caller to a trusted one.
  private static final Set<String> ATTRIBUTE_KEYS = Set.of("aws:principaltype", "aws:userid", "aws:username");
  private static final String PRINCIPAL_TAG = "aws:principaltag/";
  private static final Set<String> STRING_OPERATORS = Set.of("stringequals", "stringequalsignorecase", "stringlike");
  private static final Set<String> ARN_OPERATORS = Set.of("arnequals", "arnlike");
  // Organization ids: https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html
  private static final Pattern ORG_ID_PATTERN = Pattern.compile("o-[a-z0-9]{10,32}");

  private IdentityPerimeter() {
  }

  static PerimeterVerdict judge(List<IamCondition> conditions, TrustedIdentities trust) {
    List<ConditionBlock> blocks = ConditionBlock.of(conditions);
    Optional<String> nobody = Contradictions.find(blocks);
    if (nobody.isPresent()) {
      return new PerimeterVerdict(true, List.of(), List.of(), nobody);
    }
    List<String> objections = new ArrayList<>();
    for (ConditionBlock block : blocks) {
      String key = block.key().toLowerCase(Locale.ROOT);
      if (NETWORK_KEYS.contains(key)) {
        objections.add(block.key() + " limits the network path, not the principal");
      } else if (RESOURCE_KEYS.contains(key)) {
        objections.add(block.key() + " limits the resource, not the principal");
      } else if (SOURCE_KEYS.contains(key)) {
        objections.add(block.key() + " names the resource an AWS service acts for, not the caller");
      } else if (ATTRIBUTE_KEYS.contains(key) || key.startsWith(PRINCIPAL_TAG)) {
        objections.add(block.key() + " does not tie the caller to a trusted account");
      } else if (isIdentityKey(block)) {
        List<String> notes = new ArrayList<>();
        Optional<String> objection = objection(block, trust, notes);
        if (objection.isEmpty()) {
          return new PerimeterVerdict(true, notes, List.of(), Optional.empty());
        }
        objections.add(objection.get());
      }
    }
    return new PerimeterVerdict(false, List.of(), objections, Optional.empty());
  }

  private static boolean isIdentityKey(ConditionBlock block) {
    return Set.of(ORG_ID, ACCOUNT, ARN, ORG_PATHS, IS_AWS_SERVICE, SERVICE_NAME).stream().anyMatch(block::hasKey);
  }

  /** Why this identity block does not bound the principal; empty when it does. */
  private static Optional<String> objection(ConditionBlock block, TrustedIdentities trust, List<String> notes) {
    OperatorName op = OperatorName.parse(block.operator());
    String on = block.operator() + " on " + block.key();
    if (!op.canonical()) {
      return Optional.of("\"" + block.operator() + "\" is not an IAM condition operator as IAM spells it (operator"
          + " names are case-sensitive)");
    }
    if (op.ifExists() || op.forAllValues()) {
      return Optional.of(on + " also passes when the key is absent");
    }
    if (op.negated()) {
      return Optional.of(on + " is negated and admits every other value");
    }
    if (op.base().equals("null")) {
      return Optional.of(on + " tests only whether the key is present");
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
    if (block.hasKey(SERVICE_NAME)) {
      // Present only when an AWS service principal makes the call: any match requires one.
      return Optional.empty();
    }
    for (String value : block.values()) {
      Optional<String> rejected = rejectedValue(block, op, value, trust, notes);
      if (rejected.isPresent()) {
        return rejected;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> rejectedValue(ConditionBlock block, OperatorName op, String value,
                                                TrustedIdentities trust, List<String> notes) {
    String quoted = block.key() + " value \"" + value + "\"";
    if (value.contains("${")) {
      return Optional.of(quoted + " is a policy variable, not a fixed identity");
    }
    // StringEqualsIgnoreCase matches any spelling of the value; AWS's ids are lower case, so compare folded.
    String v = op.ignoresCase() ? value.toLowerCase(Locale.ROOT) : value;
    boolean wildcard = op.readsWildcards() && Wildcards.in(v);
    if (block.hasKey(ARN)) {
      Optional<String> account = ArnAccount.of(v);
      return account.isPresent() && trust.trustsAccount(account.get())
          ? Optional.empty()
          : Optional.of(quoted + " is not an ARN in a trusted account");
    }
    if (block.hasKey(ACCOUNT)) {
      if (wildcard) {
        return Optional.of(quoted + " is a wildcard");
      }
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalaccount
      if (v.equals("anonymous")) {
        return Optional.of(quoted + " admits anonymous requests");
      }
      return trust.trustsAccount(v) ? Optional.empty() : Optional.of(quoted + " is not a trusted account");
    }
    // aws:PrincipalOrgID holds an org id; aws:PrincipalOrgPaths holds o-xxx/r-xxx/ou-xxx/... paths under one.
    String org = block.hasKey(ORG_PATHS) ? v.split("/", 2)[0] : v;
    if (op.readsWildcards() && Wildcards.in(org)) {
      return Optional.of(quoted + " is a wildcard");
    }
    if (trust.trustsOrg(org)) {
      if (trust.trustedAsOwn(org)) {
        notes.add("organization " + org + " is trusted as the scanned account's own organization"
            + " (organizations:DescribeOrganization)");
      }
      return Optional.empty();
    }
    if (!ORG_ID_PATTERN.matcher(org).matches()) {
      return Optional.of(quoted + " is not an organization id");
    }
    return Optional.of(untrustedOrganization(org));
  }

  /** The reason an organization is not trusted, with how to trust it. */
  static String untrustedOrganization(String org) {
    return "organization " + org + " is not trusted; to trust it, pass --trusted-org-id " + org
        + " or set TrustedOrgIds when deployed";
  }
}
