package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.AWS_RECOMMENDED;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.allowAllWhere;
import static dev.endpointguard.policy.Policies.json;
import static dev.endpointguard.policy.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

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
    String narrowed = PolicyNarrower.narrow(policy, trust).orElseThrow();

    assertThat(PolicyAnalyzer.analyze(narrowed, trust).broad()).isFalse();
    assertThat(NarrowingCheck.violation(policy, narrowed)).isEmpty();
    assertThat(narrowed).startsWith("{\"Version\":\"2012-10-17\"").doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compliantPolicies")
  void narrow_policyNotBroad_isEmpty(String name, String policy, TrustedIdentities trust) {
    assertThat(PolicyNarrower.narrow(policy, trust)).isEmpty();
  }

  @Test
  void narrow_defaultPolicyWithTrustedOrg_splitsIntoOrgAndServiceStatements() {
    assertThat(PolicyNarrower.narrow(DEFAULT, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':["
        + "{'Sid':'Statement1TrustedIdentities','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}},"
        + "{'Sid':'Statement1AwsServices','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'Bool':{'aws:PrincipalIsAWSService':'true'}}}]}"));
  }

  @Test
  void narrow_noTrustedOrg_boundsToTrustedAccounts() {
    assertThat(PolicyNarrower.narrow(DEFAULT, ACCOUNT_TRUST)).hasValueSatisfying(policy -> assertThat(policy)
        .contains(json("'Condition':{'StringEquals':{'aws:PrincipalAccount':['111122223333','222233334444']}}")));
  }

  @Test
  void narrow_emptyDocument_narrowsTheDefaultPolicy() {
    assertThat(PolicyNarrower.narrow("", ORG_TRUST)).isEqualTo(PolicyNarrower.narrow(DEFAULT, ORG_TRUST));
  }

  @Test
  void narrow_sidOfBroadStatement_derivesBothSidsFromIt() {
    String policy = statement("'Sid':'Allow-All','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains("\"Sid\":\"AllowAllTrustedIdentities\"", "\"Sid\":\"AllowAllAwsServices\""));
  }

  @Test
  void narrow_derivedSidAlreadyTaken_numbersIt() {
    String policy = json("{'Statement':[{'Sid':'AAwsServices','Effect':'Deny','Principal':'*','Action':'s3:*',"
        + "'Resource':'*'},{'Sid':'A','Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains("\"Sid\":\"AAwsServices2\""));
  }

  @Test
  void narrow_denyStatements_keptUnchanged() {
    String policy = json("{'Statement':[{'Sid':'NoDelete','Effect':'Deny','Principal':'*','Action':'s3:Delete*',"
        + "'Resource':'*','Condition':{'StringNotEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}},"
        + "{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .startsWith(json("{'Version':'2012-10-17','Statement':[{'Sid':'NoDelete','Effect':'Deny','Principal':'*',"
            + "'Action':'s3:Delete*','Resource':'*','Condition':{'StringNotEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}},")));
  }

  @Test
  void narrow_untrustedNamedPrincipals_dropsThemOnly() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':['111122223333','444455556666'],"
        + "'Service':'ec2.amazonaws.com'},'Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'111122223333','Service':'ec2.amazonaws.com'},'Action':'*',"
        + "'Resource':'*'}}"));
  }

  @Test
  void narrow_statementWithOnlyUntrustedPrincipals_dropsIt() {
    String policy = json("{'Statement':[{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*',"
        + "'Resource':'*'},{'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'s3:*','Resource':'*'}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'111122223333'},'Action':'s3:*','Resource':'*'}}"));
  }

  @Test
  void narrow_everyStatementOnlyUntrustedPrincipals_keepsOneThatMatchesNoOne() {
    String policy = statement("'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).contains(json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'Allow','Principal':{'AWS':'444455556666'},'Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}}}"));
  }

  @Test
  void narrow_existingBlockOnTheSameKey_addsASeparateBlockInsteadOfWideningIt() {
    String policy = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'}}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains(json("'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-z9y8x7w6v5'},"
            + "'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")));
  }

  @Test
  void narrow_existingServiceBlock_addsNoServiceCopy() {
    String policy = allowAllWhere("{'Bool':{'aws:PrincipalIsAWSService':'false'}}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .doesNotContain("AwsServices").contains("TrustedIdentities"));
  }

  @Test
  void narrow_notPrincipal_keepsTheNotPrincipalSet() {
    String policy = statement("'Effect':'Allow','NotPrincipal':{'AWS':'444455556666'},'Action':'*','Resource':'*'");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).hasValueSatisfying(narrowed -> assertThat(narrowed)
        .contains(json("'NotPrincipal':{'AWS':'444455556666'},'Action':'*','Resource':'*',"
            + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}")));
  }

  @Test
  void narrow_unparseablePolicy_isEmpty() {
    assertThat(PolicyNarrower.narrow("{\"Statement\": [", ORG_TRUST)).isEmpty();
  }

  @Test
  void narrow_noTrustedIdentity_isEmpty() {
    assertThat(PolicyNarrower.narrow(DEFAULT, new TrustedIdentities(Set.of(), Set.of()))).isEmpty();
  }

  @Test
  void narrow_version2008WithPolicyVariables_isEmptyBecauseTheVersionChangeWouldRereadThem() {
    String policy = json("{'Version':'2008-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*',"
        + "'Resource':'arn:aws:s3:::home/${aws:username}/*'}]}");

    assertThat(PolicyNarrower.narrow(policy, ORG_TRUST)).isEmpty();
  }

  @Test
  void narrow_awsRecommendedPolicy_isEmpty() {
    assertThat(PolicyNarrower.narrow(AWS_RECOMMENDED, ORG_TRUST)).isEmpty();
  }
}
