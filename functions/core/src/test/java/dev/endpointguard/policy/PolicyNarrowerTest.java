package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.AWS_RECOMMENDED;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.allowAllWhere;
import static dev.endpointguard.policy.Policies.json;
import static dev.endpointguard.policy.Policies.narrowed;
import static dev.endpointguard.policy.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyNarrowerTest {
  private static final String DEFAULT = json(
      "{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}");

  static Stream<Arguments> broadPolicies() {
    return PolicyAnalyzerTest.policies().filter(row -> (boolean) row.get()[3]);
  }

  static Stream<Arguments> compliantPolicies() {
    return PolicyAnalyzerTest.policies().filter(row -> !(boolean) row.get()[3]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broadPolicies")
  void narrow_broadPolicy_isNotBroadAndPassesTheCheck(String name, String policy, TrustedIdentities trust) {
    String narrowed = narrowed(policy, trust).orElseThrow();

    assertThat(PolicyAnalyzer.analyze(narrowed, trust).broad()).isFalse();
    assertThat(NarrowingCheck.violation(policy, narrowed)).isEmpty();
    assertThat(narrowed).startsWith("{\"Version\":\"2012-10-17\"").doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compliantPolicies")
  void narrow_policyNotBroad_isEmpty(String name, String policy, TrustedIdentities trust) {
    assertThat(narrowed(policy, trust)).isEmpty();
  }

  @Test
  void narrow_defaultPolicyWithTrustedOrg_splitsIntoOrgAndServiceStatements() {
    assertThat(narrowed(DEFAULT, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':["
        + "{'Sid':'Statement1TrustedIdentities','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}},"
        + "{'Sid':'Statement1AwsServices','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'Bool':{'aws:PrincipalIsAWSService':'true'}}}]}"));
  }

  @Test
  void narrow_noTrustedOrg_boundsToTrustedAccounts() {
    assertThat(narrowed(DEFAULT, ACCOUNT_TRUST)).hasValueSatisfying(policy -> assertThat(policy)
        .contains(json("'Condition':{'StringEquals':{'aws:PrincipalAccount':['111122223333','222233334444']}}")));
  }

  @Test
  void narrow_emptyDocument_narrowsTheDefaultPolicy() {
    assertThat(narrowed("", ORG_TRUST)).isEqualTo(narrowed(DEFAULT, ORG_TRUST));
  }

  @Test
  void narrow_sidOfBroadStatement_derivesBothSidsFromIt() {
    String policy = statement("'Sid':'Allow-All','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains("\"Sid\":\"AllowAllTrustedIdentities\"", "\"Sid\":\"AllowAllAwsServices\""));
  }

  @Test
  void narrow_derivedSidAlreadyTaken_numbersIt() {
    String policy = json("{'Statement':[{'Sid':'AAwsServices','Effect':'Deny','Principal':'*','Action':'s3:*',"
        + "'Resource':'*'},{'Sid':'A','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains("\"Sid\":\"AAwsServices2\""));
  }

  @Test
  void narrow_denyStatements_keptUnchanged() {
    String policy = json("{'Statement':[{'Sid':'NoDelete','Effect':'Deny','Principal':'*','Action':'s3:Delete*',"
        + "'Resource':'*','Condition':{'StringNotEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}},"
        + "{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .startsWith(json("{'Version':'2012-10-17','Statement':[{'Sid':'NoDelete','Effect':'Deny','Principal':'*',"
            + "'Action':'s3:Delete*','Resource':'*','Condition':{'StringNotEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}},")));
  }

  @Test
  void narrow_untrustedNamedPrincipals_dropsThemOnly() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':['111122223333','444455556666'],"
        + "'Service':'ec2.amazonaws.com'},'Action':'*','Resource':'*'");

    assertThat(narrowed(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'111122223333','Service':'ec2.amazonaws.com'},'Action':'*',"
        + "'Resource':'*'}}"));
  }

  @Test
  void narrow_statementWithOnlyUntrustedPrincipals_dropsIt() {
    String policy = json("{'Statement':[{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*',"
        + "'Resource':'*'},{'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'s3:*','Resource':'*'}]}");

    assertThat(narrowed(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'s3:*','Resource':'*'}}"));
  }

  @Test
  void narrow_everyStatementOnlyUntrustedPrincipals_keepsOneThatMatchesNoOne() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(narrowed(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}}}"));
  }

  @Test
  void narrow_existingBlockOnTheSameKey_addsASeparateBlockInsteadOfWideningIt() {
    String policy = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains(json("'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'},"
            + "'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")));
  }

  @Test
  void narrow_existingServiceBlock_addsNoServiceCopy() {
    String policy = allowAllWhere("{'Bool':{'aws:PrincipalIsAWSService':'false'}}");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .doesNotContain("AwsServices").contains("TrustedIdentities"));
  }

  @Test
  void narrow_notPrincipal_keepsTheNotPrincipalSet() {
    String policy = statement("'Effect':'Allow','NotPrincipal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(narrowed(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains(json("'NotPrincipal':{'AWS':'444455556666'},'Action':'*','Resource':'*',"
            + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")));
  }

  @Test
  void narrow_unparseablePolicy_isEmpty() {
    assertThat(narrowed("{\"Statement\": [", ORG_TRUST)).isEmpty();
  }

  @Test
  void narrow_noTrustedIdentity_isEmpty() {
    assertThat(narrowed(DEFAULT, new TrustedIdentities(Set.of(), Set.of(), Optional.empty()))).isEmpty();
  }

  @Test
  void narrow_version2008WithPolicyVariables_isEmptyBecauseTheVersionChangeWouldRereadThem() {
    String policy = json("{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*',"
        + "'Resource':'arn:aws:s3:::home/${aws:username}/*'}]}");

    assertThat(narrowed(policy, ORG_TRUST)).isEmpty();
  }

  @Test
  void narrow_awsRecommendedPolicy_isEmpty() {
    assertThat(narrowed(AWS_RECOMMENDED, ORG_TRUST)).isEmpty();
  }

  /**
   * Issue 10 d: narrowing the default policy of an S3 endpoint keeps what AWS documents as read through it: an
   * unsigned yum read of the AL2023 repository and an ECR layer pull presigned by ECR's account still pass, while a
   * foreign principal can no longer write to a bucket of its own.
   */
  @Test
  void narrow_defaultPolicyOnS3Endpoint_keepsAwsOwnedReadsAndStopsForeignWrites() {
    String narrowed = PolicyNarrower.narrow(DEFAULT, ORG_TRUST, Policies.S3_SERVICE).orElseThrow().policy();

    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.anonymous("s3:GetObject",
        "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/x", "vpc-1"))).isTrue();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed("602401143452", Optional.empty(),
        "s3:GetObject", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/layer"))).isTrue();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed(Policies.STRANGER,
        Optional.of(Policies.FOREIGN_ORG), "s3:PutObject", "arn:aws:s3:::stranger-exfil-bucket/data.csv"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.anonymous("s3:PutObject",
        "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/x", "vpc-1"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed(Policies.SCANNED, Optional.of(Policies.ORG),
        "s3:PutObject", "arn:aws:s3:::our-bucket/data.csv"))).isTrue();
    assertThat(NarrowingCheck.violation(DEFAULT, narrowed)).isEmpty();
    assertThat(PolicyAnalyzer.analyze(narrowed, ORG_TRUST).broad()).isFalse();
  }

  @Test
  void narrow_s3EndpointInAnotherRegion_keepsThatRegionsBuckets() {
    String narrowed = PolicyNarrower.narrow(DEFAULT, ORG_TRUST, "com.amazonaws.eu-south-1.s3").orElseThrow()
        .policy();

    assertThat(narrowed).contains("arn:aws:s3:::al2023-repos-eu-south-1-de612dc2/*",
            "arn:aws:s3:::aws-ssm-distributor-file-eu-south-1/*",
            "arn:aws:s3:::cloudformation-custom-resource-response-eusouth1/*")
        .doesNotContain("us-east-1", "eu-south-1-birdwatcher-prod");
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"com.amazonaws.us-east-1.ssm",
      "com.amazonaws.us-east-1.s3express", "cn.com.amazonaws.cn-north-1.s3", "com.amazonaws.us-gov-west-1.s3",
      "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"})
  void narrow_defaultPolicyOnOtherServices_keepsNoAwsOwnedStatement(String service) {
    assertThat(PolicyNarrower.narrow(DEFAULT, ORG_TRUST, service).orElseThrow().policy())
        .doesNotContain("AwsOwnedResources");
  }

  /** The AWS-owned copy is only ever a narrowing of what the statement allowed: here, one bucket's objects. */
  @Test
  void narrow_s3StatementOnSomeResources_keepsOnlyTheAwsOwnedBucketsItCovered() {
    String policy = statement("'Effect':'Allow','Principal':'*','Action':'s3:Get*','Resource':["
        + "'arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*','arn:aws:s3:::our-bucket/*']");

    PolicyNarrower.Narrowing narrowing = PolicyNarrower.narrow(policy, ORG_TRUST, Policies.S3_SERVICE).orElseThrow();

    assertThat(narrowing.policy()).contains(json("{'Sid':'Statement1AwsOwnedResources','Effect':'Allow',"
        + "'Principal':'*','Action':'s3:GetObject','Resource':'arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*'}"));
    assertThat(narrowing.impact()).endsWith("s3:GetObject on 1 AWS-owned bucket of us-east-1 that AWS documents as"
        + " read through the endpoint (Amazon Linux repositories, SSM Agent, ECR image layers and more) stay open to"
        + " every caller statement 1 admitted (Statement1AwsOwnedResources)");
  }

  @Test
  void narrow_statementOutsideTheAwsOwnedBuckets_keepsNoAwsOwnedCopy() {
    String policy = statement("'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::our-*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST, Policies.S3_SERVICE).orElseThrow().policy())
        .doesNotContain("AwsOwnedResources");
  }

  /** Issue 10 h: every change states who loses which access. */
  @Test
  void narrow_defaultPolicy_impactNamesWhoLosesWhatAndWhatIsKept() {
    assertThat(PolicyNarrower.narrow(DEFAULT, ORG_TRUST, Policies.SSM_SERVICE).orElseThrow().impact())
        .isEqualTo("statement 1: principals outside organization o-a1b2c3d4e5 lose Action * on Resource *; AWS"
            + " service principals keep what it allowed them (Statement1AwsServices)");
  }

  @Test
  void narrow_namedPrincipals_impactNamesTheDroppedOnes() {
    String policy = json("{'Statement':[{'Effect':'Allow','Principal':{'AWS':['111122223333','444455556666']},"
        + "'Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::777788889999:"
        + "root'},'NotAction':'s3:Delete*','Resource':'*'}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST, Policies.SSM_SERVICE).orElseThrow().impact())
        .isEqualTo("statement 1: principal 444455556666 loses Action s3:GetObject on Resource *; statement 2 names"
            + " only principals outside the trusted accounts: it is removed, and principal"
            + " arn:aws:iam::777788889999:root loses every action but s3:Delete* on Resource *");
  }

  @Test
  void narrow_onlyUntrustedNamedPrincipalsByAccount_saysThePolicyWillAllowNothing() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ACCOUNT_TRUST, Policies.SSM_SERVICE).orElseThrow().impact())
        .isEqualTo("statement 1 names only principals outside the trusted accounts: principal 444455556666 loses"
            + " Action * on Resource *; a policy needs a statement, so statement 1 stays with aws:PrincipalAccount"
            + " also required to be 111122223333 or 222233334444, which none of its principals meets: the policy"
            + " will allow nothing through the endpoint");
  }

  @Test
  void narrow_onlyUntrustedNamedPrincipalsByOrg_saysWhoCanStillUseIt() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST, Policies.SSM_SERVICE).orElseThrow().impact())
        .isEqualTo("statement 1 names only principals outside the trusted accounts: a policy needs a statement, so"
            + " statement 1 stays with aws:PrincipalOrgID also required to be o-a1b2c3d4e5, so the policy will allow"
            + " only 444455556666 when in organization o-a1b2c3d4e5 (Action * on Resource *) through the endpoint");
  }

  @Test
  void narrow_onlyDenyLeft_saysThePolicyWillAllowNothing() {
    String policy = json("{'Statement':[{'Effect':'Deny','Principal':'*','Action':'s3:Delete*','Resource':'*'},"
        + "{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*','Condition':{'StringEquals':"
        + "{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST, Policies.SSM_SERVICE).orElseThrow().impact())
        .endsWith("it is removed, and principals of organization o-z9y8x7w6v5 lose Action * on Resource * through the"
            + " endpoint; no Allow statement remains, so the policy will allow nothing through the endpoint");
  }
}
