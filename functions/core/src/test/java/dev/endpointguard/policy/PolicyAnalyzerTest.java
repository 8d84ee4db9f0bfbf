package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.AWS_RECOMMENDED;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.allowAllWhere;
import static dev.endpointguard.policy.Policies.json;
import static dev.endpointguard.policy.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyAnalyzerTest {
  private static final String ANY = "allows any principal (*) with no identity-perimeter condition";
  private static final String NOT_BROAD = "";

  static Stream<Arguments> policies() {
    return Stream.of(
        // The default full-access policy, spelled several ways.
        row("default compact", json("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}"),
            ORG_TRUST, "statement 1 " + ANY),
        row("default pretty-printed", json("""
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "*",
                  "Resource": "*"
                }
              ]
            }"""), ORG_TRUST, ANY),
        row("default version 2008-10-17",
            json("{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}"),
            ORG_TRUST, ANY),
        row("default with AWS star principal",
            statement("'Effect':'Allow','Principal':{'AWS':'*'},'Action':'*','Resource':'*'"), ORG_TRUST, ANY),
        row("default with action list",
            statement("'Effect':'Allow','Principal':'*','Action':['*'],'Resource':['*']"), ORG_TRUST, ANY),
        row("default as a single statement object",
            json("{'Statement':{'Sid':'AllowAll','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}}"),
            ORG_TRUST, "statement 1 (Sid \"AllowAll\") " + ANY),
        row("principal list holding star",
            statement("'Effect':'Allow','Principal':{'AWS':['111122223333','*']},'Action':'*','Resource':'*'"),
            ORG_TRUST, ANY),
        row("no principal element", statement("'Effect':'Allow','Action':'*','Resource':'*'"), ORG_TRUST,
            "statement 1 has no Principal, which an endpoint policy reads as any principal"),
        // Identity perimeters.
        row("AWS recommended policy", AWS_RECOMMENDED, ORG_TRUST, NOT_BROAD),
        // Issue 10 i: no organization is trusted unless configured (or the account's own).
        row("AWS recommended policy with no trusted orgs", AWS_RECOMMENDED, ACCOUNT_TRUST,
            "organization o-a1b2c3d4e5 is not trusted; to trust it, pass --trusted-org-id o-a1b2c3d4e5 or set"
                + " TrustedOrgIds when deployed"),
        row("org only", allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}"), ORG_TRUST, NOT_BROAD),
        row("foreign org", allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}"), ORG_TRUST,
            "organization o-z9y8x7w6v5 is not trusted"),
        row("wildcard org", allowAllWhere("{'StringLike':{'aws:PrincipalOrgID':'o-*'}}"), ACCOUNT_TRUST,
            "aws:PrincipalOrgID value \"o-*\" is a wildcard"),
        row("IfExists", allowAllWhere("{'StringEqualsIfExists':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}"), ORG_TRUST,
            "StringEqualsIfExists on aws:PrincipalOrgID also passes when the key is absent"),
        row("ForAllValues", allowAllWhere("{'ForAllValues:StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}"),
            ORG_TRUST, "also passes when the key is absent"),
        row("negated org", allowAllWhere("{'StringNotEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}"), ORG_TRUST,
            "StringNotEquals on aws:PrincipalOrgID is negated"),
        row("Null operator on org", allowAllWhere("{'Null':{'aws:PrincipalOrgID':'false'}}"), ORG_TRUST,
            "Null on aws:PrincipalOrgID tests only whether the key is present"),
        row("several org values, one foreign",
            allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':['o-a1b2c3d4e5','o-z9y8x7w6v5']}}"), ORG_TRUST,
            "organization o-z9y8x7w6v5 is not trusted"),
        row("org is a policy variable", allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'${aws:ResourceOrgID}'}}"),
            ACCOUNT_TRUST, "aws:PrincipalOrgID value \"${aws:ResourceOrgID}\" is a policy variable"),
        row("lower-case key", allowAllWhere("{'StringEquals':{'aws:principalorgid':'o-a1b2c3d4e5'}}"), ORG_TRUST,
            NOT_BROAD),
        // Issue 10 e: IAM operator names are case-sensitive; one spelled otherwise is not read as IAM's.
        row("lower-case operator", allowAllWhere("{'stringequals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}"),
            ORG_TRUST, "\"stringequals\" is not an IAM condition operator as IAM spells it"),
        row("network key SourceVpc only", allowAllWhere("{'StringEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}"),
            ORG_TRUST, "(aws:SourceVpc limits the network path, not the principal)"),
        row("network key SourceVpce only", allowAllWhere("{'StringEquals':{'aws:SourceVpce':'vpce-0a1b2c3d'}}"),
            ORG_TRUST, "aws:SourceVpce limits the network path"),
        row("network key SourceIp only", allowAllWhere("{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"), ORG_TRUST,
            "aws:SourceIp limits the network path"),
        row("network key VpceOrgID only", allowAllWhere("{'StringEquals':{'aws:VpceOrgID':'o-a1b2c3d4e5'}}"),
            ORG_TRUST, "aws:VpceOrgID limits the network path"),
        row("resource keys only", allowAllWhere(
            "{'StringEquals':{'aws:ResourceOrgID':'o-a1b2c3d4e5','aws:ResourceAccount':'111122223333'}}"), ORG_TRUST,
            "aws:ResourceOrgID limits the resource, not the principal; aws:ResourceAccount limits the resource"),
        row("NotPrincipal", statement("'Effect':'Allow','NotPrincipal':{'AWS':'444455556666'},'Action':'*',"
            + "'Resource':'*'"), ORG_TRUST, "statement 1 uses NotPrincipal, which allows every principal not listed"),
        row("NotPrincipal bounded by org", statement("'Effect':'Allow','NotPrincipal':{'AWS':'444455556666'},"
            + "'Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}"),
            ORG_TRUST, NOT_BROAD),
        row("PrincipalAccount trusted",
            allowAllWhere("{'StringEquals':{'aws:PrincipalAccount':['111122223333','222233334444']}}"), ORG_TRUST,
            NOT_BROAD),
        row("PrincipalAccount untrusted",
            allowAllWhere("{'StringEquals':{'aws:PrincipalAccount':['111122223333','444455556666']}}"), ORG_TRUST,
            "aws:PrincipalAccount value \"444455556666\" is not a trusted account"),
        row("PrincipalArn trusted", allowAllWhere(
            "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/app-*'}}"), ORG_TRUST, NOT_BROAD),
        row("PrincipalArn wildcard account", allowAllWhere(
            "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/app'}}"), ORG_TRUST,
            "\"arn:aws:iam::*:role/app\" is not an ARN in a trusted account"),
        row("PrincipalOrgPaths under trusted org", allowAllWhere(
            "{'ForAnyValue:StringLike':{'aws:PrincipalOrgPaths':'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'}}"),
            ORG_TRUST, NOT_BROAD),
        row("PrincipalOrgPaths with wildcard org", allowAllWhere(
            "{'ForAnyValue:StringLike':{'aws:PrincipalOrgPaths':'o-*/r-ab12/*'}}"), ORG_TRUST, "is a wildcard"),
        row("IsAWSService true", allowAllWhere("{'Bool':{'aws:PrincipalIsAWSService':'true'}}"), ORG_TRUST,
            NOT_BROAD),
        row("IsAWSService true as a JSON boolean", allowAllWhere("{'Bool':{'aws:PrincipalIsAWSService':true}}"),
            ORG_TRUST, NOT_BROAD),
        row("IsAWSService false", allowAllWhere("{'Bool':{'aws:PrincipalIsAWSService':'false'}}"), ORG_TRUST,
            "Bool on aws:PrincipalIsAWSService does not require an AWS service"),
        row("numeric condition alone", allowAllWhere("{'NumericLessThan':{'aws:MultiFactorAuthAge':3600}}"),
            ORG_TRUST, ANY),
        // Explicit actions on specific resources (issue 10 c).
        row("explicit actions and ARNs", statement("'Effect':'Allow','Principal':'*','Action':['s3:GetObject',"
            + "'s3:PutObject'],'Resource':['arn:aws:s3:::my-bucket/report.csv']"), ORG_TRUST, NOT_BROAD),
        row("explicit actions on a bucket's objects", statement("'Effect':'Allow','Principal':'*',"
            + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::my-bucket/*'"), ORG_TRUST, NOT_BROAD),
        row("wildcard action on an explicit ARN", statement("'Effect':'Allow','Principal':'*','Action':'s3:Get*',"
            + "'Resource':'arn:aws:s3:::my-bucket/report.csv'"), ORG_TRUST, ANY),
        // Named principals.
        row("explicit principals trusted", statement("'Effect':'Allow','Principal':{'AWS':['111122223333',"
            + "'arn:aws:iam::222233334444:role/app']},'Action':'*','Resource':'*'"), ORG_TRUST, NOT_BROAD),
        row("explicit principals untrusted", statement("'Sid':'Partners','Effect':'Allow','Principal':{'AWS':"
            + "['111122223333','arn:aws:iam::444455556666:root']},'Action':'*','Resource':'*'"), ORG_TRUST,
            "statement 1 (Sid \"Partners\") grants principals outside the trusted accounts: "
                + "arn:aws:iam::444455556666:root"),
        row("service principal", statement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},"
            + "'Action':'*','Resource':'*'"), ORG_TRUST, NOT_BROAD),
        // Deny statements.
        row("Deny only", statement("'Effect':'Deny','Principal':'*','Action':'*','Resource':'*'"), ORG_TRUST,
            NOT_BROAD),
        row("Deny and a broad Allow", json("{'Statement':[{'Effect':'Deny','Principal':'*','Action':'s3:Delete*',"
            + "'Resource':'*'},{'Sid':'AllowAll','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}"),
            ORG_TRUST, "statement 2 (Sid \"AllowAll\") " + ANY),
        // Empty document: AWS applies the default full-access policy.
        row("empty string", "", ORG_TRUST, ANY),
        row("any concrete org when no orgs are trusted",
            allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}"), ACCOUNT_TRUST,
            "organization o-z9y8x7w6v5 is not trusted; to trust it, pass --trusted-org-id o-z9y8x7w6v5"));
  }

  private static Arguments row(String name, String policy, TrustedIdentities trust, String reasonFragment) {
    return Arguments.of(name, policy, trust, !reasonFragment.isEmpty(), reasonFragment);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void analyze_policyTable_findsBroadStatementsWithReason(String name, String policy, TrustedIdentities trust,
                                                         boolean broad, String reasonFragment) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policy, trust);

    assertThat(analysis.parseError()).isEmpty();
    assertThat(analysis.broad()).isEqualTo(broad);
    if (broad) {
      assertThat(analysis.broadStatements()).extracting(StatementFinding::reason)
          .anySatisfy(reason -> assertThat(reason).contains(reasonFragment));
    } else {
      assertThat(analysis.broadStatements()).isEmpty();
    }
  }

  @Test
  void analyze_policyTable_holdsAtLeastThirtyFiveCases() {
    assertThat(policies()).hasSizeGreaterThanOrEqualTo(35);
  }

  @Test
  void analyze_unparseablePolicy_reportsParseErrorAndIsNotBroad() {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze("{\"Statement\": [", ORG_TRUST);

    assertThat(analysis.parsed()).isFalse();
    assertThat(analysis.broad()).isFalse();
    assertThat(analysis.parseError()).hasValueSatisfying(error -> assertThat(error)
        .startsWith("policy is not valid JSON: ").contains("end-of-input").doesNotContain("\n"));
  }

  @Test
  void analyze_principalNeitherStarNorObject_reportsTheParserMessage() {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(
        statement("'Effect':'Allow','Principal':['*'],'Action':'*','Resource':'*'"), ORG_TRUST);

    assertThat(analysis.parseError()).contains("policy cannot be read: Principal was not \"*\" or an object");
  }

  @Test
  void analyze_unknownEffect_isAParseError() {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(
        statement("'Effect':'allow','Principal':'*','Action':'*','Resource':'*'"), ORG_TRUST);

    assertThat(analysis.parseError())
        .contains("policy cannot be read: statement 1 has Effect \"allow\"; AWS accepts only Allow or Deny");
  }

  @Test
  void analyze_emptyString_isTheDefaultPolicyWithANote() {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze("", ORG_TRUST);

    assertThat(analysis.broadStatements()).containsExactly(new StatementFinding(1, Optional.empty(),
        "statement 1 allows any principal (*) with no identity-perimeter condition"));
    assertThat(analysis.notes()).containsExactly("no policy document: AWS applies the default full-access policy");
  }

  /** Issue 10 i: a foreign organization no longer passes silently when none is configured. */
  @Test
  void analyze_concreteOrgWithNoTrustedOrgs_isBroadAndSaysHowToTrustIt() {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(AWS_RECOMMENDED, ACCOUNT_TRUST);

    assertThat(analysis.broad()).isTrue();
    assertThat(analysis.notes()).isEmpty();
    assertThat(analysis.broadStatements()).extracting(StatementFinding::reason).first().isEqualTo(
        "statement 1 (Sid \"AllowRequestsByOrgsIdentitiesToOrgsResources\") allows any principal (*) with no"
            + " identity-perimeter condition (organization o-a1b2c3d4e5 is not trusted; to trust it, pass"
            + " --trusted-org-id o-a1b2c3d4e5 or set TrustedOrgIds when deployed; aws:ResourceOrgID limits the"
            + " resource, not the principal)");
  }

  /** Issue 10 i: the account's own organization, read from AWS Organizations, is trusted, with a note. */
  @Test
  void analyze_accountsOwnOrganization_isTrustedWithANote() {
    TrustedIdentities own = new TrustedIdentities(ACCOUNT_TRUST.accountIds(), java.util.Set.of(),
        Optional.of("o-a1b2c3d4e5"));

    PolicyAnalysis analysis = PolicyAnalyzer.analyze(AWS_RECOMMENDED, own);

    assertThat(analysis.broad()).isFalse();
    assertThat(analysis.notes()).containsExactly("organization o-a1b2c3d4e5 is trusted as the scanned account's own"
        + " organization (organizations:DescribeOrganization)");
  }

  @Test
  void analyze_trustedOrgs_addsNoNotes() {
    assertThat(PolicyAnalyzer.analyze(AWS_RECOMMENDED, ORG_TRUST).notes()).isEmpty();
  }

  @Test
  void analyze_severalBroadStatements_listsEachWithIndexAndSid() {
    String policy = json("{'Statement':[{'Sid':'A','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'},"
        + "{'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'*','Resource':'*'},"
        + "{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*'}]}");

    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policy, ORG_TRUST);

    assertThat(analysis.broadStatements()).extracting(StatementFinding::index, StatementFinding::sid)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Optional.of("A")),
            org.assertj.core.groups.Tuple.tuple(3, Optional.empty()));
  }
}
