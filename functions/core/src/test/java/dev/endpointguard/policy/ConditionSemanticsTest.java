package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.FOREIGN_ORG;
import static dev.endpointguard.policy.Policies.ORG;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.PARTNER;
import static dev.endpointguard.policy.Policies.SCANNED;
import static dev.endpointguard.policy.Policies.STRANGER;
import static dev.endpointguard.policy.Policies.allowAllWhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 e: one row per line of the condition table in docs/rules.md (broad-endpoint-policy, "Conditions"): the
 * condition on an Allow of any principal, whether it bounds the principal, and why. Where the test evaluator models
 * the key, the row also checks the verdict against IAM's evaluation: a bounding condition admits no caller outside
 * the trusted identities.
 */
class ConditionSemanticsTest {
  private static final String BOUNDS = "";
  private static final TrustedIdentities OWN_ORG = new TrustedIdentities(ACCOUNT_TRUST.accountIds(), Set.of(),
      Optional.of(ORG));

  static Stream<Arguments> table() {
    return Stream.of(
        row("C1 StringEquals, every value trusted", "{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}",
            ORG_TRUST, BOUNDS),
        row("C2 StringEquals compares case-sensitively", "{'StringEquals':{'aws:PrincipalOrgID':'O-A1B2C3D4E5'}}",
            ORG_TRUST, "\"O-A1B2C3D4E5\" is not an organization id"),
        row("C3 StringEqualsIgnoreCase, any spelling of a trusted id",
            "{'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'O-A1B2C3D4E5'}}", ORG_TRUST, BOUNDS),
        row("C4 StringLike without a wildcard", "{'StringLike':{'aws:PrincipalAccount':'111122223333'}}",
            ORG_TRUST, BOUNDS),
        row("C5 StringLike with a wildcard on an id key", "{'StringLike':{'aws:PrincipalAccount':'1111*'}}",
            ORG_TRUST, "aws:PrincipalAccount value \"1111*\" is a wildcard"),
        row("C6 ForAnyValue on a single-valued key", "{'ForAnyValue:StringEquals':{'aws:PrincipalOrgID':"
            + "'o-a1b2c3d4e5'}}", ORG_TRUST, BOUNDS),
        row("C7 ForAllValues", "{'ForAllValues:StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}", ORG_TRUST,
            "ForAllValues:StringEquals on aws:PrincipalOrgID also passes when the key is absent"),
        row("C8 IfExists", "{'StringEqualsIfExists':{'aws:PrincipalAccount':'111122223333'}}", ORG_TRUST,
            "StringEqualsIfExists on aws:PrincipalAccount also passes when the key is absent"),
        row("C9 Null", "{'Null':{'aws:PrincipalOrgID':'false'}}", ORG_TRUST,
            "Null on aws:PrincipalOrgID tests only whether the key is present"),
        row("C10 negated operator", "{'StringNotEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}", ORG_TRUST,
            "StringNotEquals on aws:PrincipalOrgID is negated and admits every other value"),
        row("C11 several values are ORed: every one must be trusted",
            "{'StringEquals':{'aws:PrincipalOrgID':['o-a1b2c3d4e5','o-z9y8x7w6v5']}}", ORG_TRUST,
            "organization o-z9y8x7w6v5 is not trusted"),
        row("C12 several blocks are ANDed: one bounding block suffices",
            "{'StringEquals':{'aws:SourceVpc':'vpc-1'},'StringEqualsIfExists':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'},"
                + "'StringEqualsIgnoreCase':{'aws:PrincipalAccount':'111122223333'}}", ORG_TRUST, BOUNDS),
        row("C13 contradictory blocks allow nothing",
            "{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'},'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':"
                + "'o-a1b2c3d4e5'}}", ORG_TRUST, BOUNDS),
        row("C14 aws:PrincipalOrgPaths, judged by the organization of each path",
            "{'ForAnyValue:StringLike':{'aws:PrincipalOrgPaths':'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'}}", ORG_TRUST,
            BOUNDS),
        row("C15 aws:PrincipalAccount 'anonymous' admits anonymous requests",
            "{'StringEquals':{'aws:PrincipalAccount':['111122223333','anonymous']}}", ORG_TRUST,
            "aws:PrincipalAccount value \"anonymous\" admits anonymous requests"),
        row("C16 aws:PrincipalArn with ArnEquals, which reads wildcards like ArnLike",
            "{'ArnEquals':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/*'}}", ORG_TRUST, BOUNDS),
        row("C17 aws:PrincipalArn with a wildcard account",
            "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/admin'}}", ORG_TRUST,
            "\"arn:aws:iam::*:role/admin\" is not an ARN in a trusted account"),
        row("C18 aws:PrincipalIsAWSService true", "{'Bool':{'aws:PrincipalIsAWSService':'true'}}", ORG_TRUST, BOUNDS),
        row("C19 aws:PrincipalIsAWSService false or both", "{'Bool':{'aws:PrincipalIsAWSService':['true','false']}}",
            ORG_TRUST, "Bool on aws:PrincipalIsAWSService does not require an AWS service"),
        row("C20 aws:PrincipalServiceName: present only for service principals",
            "{'StringEquals':{'aws:PrincipalServiceName':'cloudtrail.amazonaws.com'}}", ORG_TRUST, BOUNDS),
        row("C21 aws:SourceAccount names the resource a service acts for",
            "{'StringEquals':{'aws:SourceAccount':'111122223333'}}", ORG_TRUST,
            "aws:SourceAccount names the resource an AWS service acts for, not the caller"),
        row("C22 principal attributes: tags, type, user id, user name",
            "{'StringEquals':{'aws:PrincipalTag/team':'platform','aws:PrincipalType':'AssumedRole'}}", ORG_TRUST,
            "aws:PrincipalTag/team does not tie the caller to a trusted account; aws:PrincipalType does not tie"),
        row("C23 network and resource keys", "{'StringEquals':{'aws:SourceVpc':'vpc-1','aws:ResourceAccount':"
            + "'111122223333'}}", ORG_TRUST, "aws:SourceVpc limits the network path, not the principal;"
            + " aws:ResourceAccount limits the resource, not the principal"),
        row("C24 key names in any case", "{'StringEquals':{'AWS:principalorgid':'o-a1b2c3d4e5'}}", ORG_TRUST, BOUNDS),
        row("C25 operator names only as IAM spells them", "{'stringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}",
            ORG_TRUST, "\"stringEquals\" is not an IAM condition operator as IAM spells it"),
        row("C26 other operators on identity keys", "{'NumericEquals':{'aws:PrincipalAccount':'111122223333'}}",
            ORG_TRUST, "NumericEquals on aws:PrincipalAccount does not compare the principal with fixed values"),
        row("C27 policy variables", "{'StringEquals':{'aws:PrincipalOrgID':'${aws:ResourceOrgID}'}}", ORG_TRUST,
            "aws:PrincipalOrgID value \"${aws:ResourceOrgID}\" is a policy variable, not a fixed identity"),
        row("C28 an organization neither configured nor the account's own",
            "{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}", ACCOUNT_TRUST,
            "organization o-a1b2c3d4e5 is not trusted; to trust it, pass --trusted-org-id o-a1b2c3d4e5 or set"
                + " TrustedOrgIds when deployed"),
        row("C29 the account's own organization", "{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}", OWN_ORG,
            BOUNDS));
  }

  private static Arguments row(String line, String condition, TrustedIdentities trust, String reasonFragment) {
    return Arguments.of(line, condition, trust, reasonFragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void analyze_conditionTableLine_boundsOrSaysWhyNot(String line, String condition, TrustedIdentities trust,
                                                     String reasonFragment) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(allowAllWhere(condition), trust);

    assertThat(analysis.parseError()).isEmpty();
    if (reasonFragment.isEmpty()) {
      assertThat(analysis.broadStatements()).isEmpty();
    } else {
      assertThat(analysis.broadStatements()).singleElement().satisfies(f -> assertThat(f.reason())
          .startsWith("statement 1 allows any principal (*) with no identity-perimeter condition (")
          .contains(reasonFragment));
    }
  }

  /** Where the test evaluator models the keys: a bounding line admits no caller outside the trusted identities. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void evaluator_boundingLine_admitsNoOutsider(String line, String condition, TrustedIdentities trust,
                                               String reasonFragment) {
    String policy = allowAllWhere(condition);
    if (!reasonFragment.isEmpty() || !modelled(policy)) {
      return;
    }
    for (EndpointRequest caller : callers()) {
      if (EndpointPolicyEvaluator.allows(policy, caller)) {
        assertThat(trusted(caller, trust)).as("%s admits %s", line, caller).isTrue();
      }
    }
  }

  /** The lines IAM reads as open to outsiders are: an anonymous or foreign caller gets through. */
  @Test
  void evaluator_openLines_admitAnOutsider() {
    for (String condition : List.of("{'ForAllValues:StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}",
        "{'StringEqualsIfExists':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}", "{'Null':{'aws:PrincipalOrgID':'false'}}",
        "{'StringNotEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}",
        "{'StringEquals':{'aws:PrincipalAccount':['111122223333','anonymous']}}",
        "{'Bool':{'aws:PrincipalIsAWSService':['true','false']}}")) {
      String policy = allowAllWhere(condition);
      assertThat(callers()).as(condition).anyMatch(c -> EndpointPolicyEvaluator.allows(policy, c)
          && !trusted(c, ORG_TRUST));
    }
  }

  /** C13: the contradictory statement allows nothing, and the analysis says so in a note. */
  @Test
  void analyze_contradictoryBlocks_notesThatTheStatementAllowsNoRequest() {
    String policy = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'},"
        + "'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}");

    assertThat(PolicyAnalyzer.analyze(policy, ORG_TRUST).notes()).containsExactly("statement 1 allows no request:"
        + " aws:PrincipalOrgID must be o-z9y8x7w6v5 (StringEquals) and o-a1b2c3d4e5 (StringEqualsIgnoreCase) at once");
    assertThat(callers()).noneMatch(c -> EndpointPolicyEvaluator.allows(policy, c));
  }

  @Test
  void analyze_nullTrueAndAValueRequired_allowsNoRequest() {
    String policy = allowAllWhere("{'Null':{'aws:PrincipalOrgID':'true'},'StringEquals':{'aws:PrincipalOrgID':"
        + "'o-z9y8x7w6v5'}}");

    assertThat(PolicyAnalyzer.analyze(policy, ORG_TRUST).notes()).containsExactly("statement 1 allows no request:"
        + " aws:PrincipalOrgID must be absent (Null) and o-z9y8x7w6v5 (StringEquals) at once");
  }

  @Test
  void analyze_overlappingBlocks_areNoContradiction() {
    String policy = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':['o-z9y8x7w6v5','o-a1b2c3d4e5']},"
        + "'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'O-A1B2C3D4E5'}}");

    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policy, ORG_TRUST);

    assertThat(analysis.notes()).isEmpty();
    assertThat(analysis.broad()).isFalse();
  }

  private static boolean modelled(String policy) {
    String folded = policy.toLowerCase(java.util.Locale.ROOT);
    return !folded.contains("principaltag") && !folded.contains("principaltype") && !folded.contains("orgpaths")
        && !folded.contains("sourceaccount") && !folded.contains("resourceaccount") && !folded.contains("numeric")
        && !folded.contains("${");
  }

  private static boolean trusted(EndpointRequest caller, TrustedIdentities trust) {
    return caller.isService() || caller.account().filter(trust::trustsAccount).isPresent()
        || caller.org().filter(trust::trustsOrg).isPresent();
  }

  private static List<EndpointRequest> callers() {
    List<EndpointRequest> all = new ArrayList<>();
    all.add(EndpointRequest.anonymous("s3:GetObject", "arn:aws:s3:::a/x", "vpc-1"));
    all.add(new EndpointRequest(Optional.of("cloudtrail.amazonaws.com"), Optional.empty(), Optional.empty(),
        "s3:GetObject", "arn:aws:s3:::a/x", "vpc-1"));
    for (String account : List.of(SCANNED, PARTNER, STRANGER)) {
      for (Optional<String> org : List.of(Optional.<String>empty(), Optional.of(ORG), Optional.of(FOREIGN_ORG))) {
        all.add(EndpointRequest.signed(account, org, "s3:GetObject", "arn:aws:s3:::a/x"));
      }
    }
    return all;
  }
}
