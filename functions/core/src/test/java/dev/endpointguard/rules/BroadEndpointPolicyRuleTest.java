package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.NarrowPolicy;
import dev.endpointguard.policy.NarrowingCheck;
import dev.endpointguard.policy.PolicyAnalyzer;
import dev.endpointguard.policy.TrustedIdentities;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BroadEndpointPolicyRuleTest {
  private static final BroadEndpointPolicyRule RULE = new BroadEndpointPolicyRule();
  private static final String SSM = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String ORG = "o-a1b2c3d4e5";
  private static final String PARTNER = "222233334444";
  private static final String PARTNER_SERVICE = "com.amazonaws.vpce.us-west-2.vpce-svc-0123456789abcdef0";
  private static final String FOREIGN_ORG = "o-z9y8x7w6v5";
  private static final String ACCOUNT_IMPACT = "statement 1: principals outside account 123456789012 lose Action * on"
      + " Resource *; AWS service principals keep what it allowed them (Statement1AwsServices)";
  private static final String S3_IMPACT = ACCOUNT_IMPACT + "; s3:GetObject, s3:ListBucket on 58 AWS-owned buckets of"
      + " us-east-1 that AWS documents as read through the endpoint (Amazon Linux repositories, SSM Agent, ECR image"
      + " layers and more) stay open to every caller statement 1 admitted (Statement1AwsOwnedResources)";
  private static final String HOW_TO_TRUST = "organization " + ORG + " is not trusted; to trust it, pass"
      + " --trusted-org-id " + ORG + " or set TrustedOrgIds when deployed";
  private static final RuleContext ACCOUNT_ONLY = Snapshots.context();
  private static final RuleContext WITH_ORG =
      new RuleContext(Snapshots.ACCOUNT, 2, Set.of(), Set.of(ORG), RuleContext.DEFAULT_AZ_HOUR_PRICE);
  private static final RuleContext WITH_PARTNER =
      new RuleContext(Snapshots.ACCOUNT, 2, Set.of(PARTNER), Set.of(), RuleContext.DEFAULT_AZ_HOUR_PRICE);
  private static final String ANY_PRINCIPAL =
      "statement 1 allows any principal (*) with no identity-perimeter condition";

  /** The default policy narrowed to the scanned account, plus the AWS-services copy. */
  private static final String NARROWED_TO_ACCOUNT = json("{'Version':'2012-10-17','Statement':["
      + "{'Sid':'Statement1TrustedIdentities','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
      + "'Condition':{'StringEquals':{'aws:PrincipalAccount':'123456789012'}}},"
      + "{'Sid':'Statement1AwsServices','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
      + "'Condition':{'Bool':{'aws:PrincipalIsAWSService':'true'}}}]}");

  /**
   * Issue 10 d: the AWS-owned buckets of us-east-1 that AWS documents as read through an S3 endpoint (the Region-scoped
   * AllowRequestsToAWSOwnedResources statement of AWS's data-perimeter S3 endpoint policy), written out here.
   */
  private static final List<String> AWS_OWNED_US_EAST_1 = Stream.of(
      "packages.us-east-1.amazonaws.com/*", "repo.us-east-1.amazonaws.com/*",
      "amazonlinux.us-east-1.amazonaws.com/*", "amazonlinux-2-repos-us-east-1/*",
      "al2023-repos-us-east-1-de612dc2/*", "al2023-us-east-1/*", "repo.us-east-1.emr.amazonaws.com/*",
      "prod.us-east-1.appinfo.src/*", "aws-ssm-us-east-1/*", "aws-windows-downloads-us-east-1/*",
      "amazon-ssm-us-east-1/*", "amazon-ssm-packages-us-east-1/*", "us-east-1-birdwatcher-prod/*",
      "aws-ssm-document-attachments-us-east-1/*", "patch-baseline-snapshot-us-east-1/*",
      "aws-patchmanager-macos-us-east-1/*", "session-manager-downloads/*", "ssm-document-categories/*",
      "amazoncloudwatch-agent-us-east-1/*", "amazoncloudwatch-agent/*", "aws-codedeploy-us-east-1/*",
      "ec2imagebuilder-toe-us-east-1-prod/*", "ec2imagebuilder-managed-resources-us-east-1-prod/components/*",
      "prod-us-east-1-starport-layer-bucket/*", "aws-mgn-clients-us-east-1/*",
      "aws-mgn-clients-hashes-us-east-1/*", "aws-mgn-internal-us-east-1/*", "aws-mgn-internal-hashes-us-east-1/*",
      "aws-application-migration-service-us-east-1/*", "aws-application-migration-service-hashes-us-east-1/*",
      "aws-drs-clients-us-east-1/*", "aws-drs-clients-hashes-us-east-1/*", "aws-drs-internal-us-east-1/*",
      "aws-drs-internal-hashes-us-east-1/*", "aws-elastic-disaster-recovery-us-east-1/*",
      "aws-elastic-disaster-recovery-hashes-us-east-1/*", "cloudformation-waitcondition-us-east-1/*",
      "cloudformation-custom-resource-response-useast1/*", "cloudformation-examples/*",
      "aws-ec2-enclave-certificate-us-east-1-prod/*", "elasticbeanstalk-samples-us-east-1/*",
      "elasticbeanstalk-platform-assets-us-east-1/*", "elasticbeanstalk-env-resources-us-east-1/*",
      "elasticbeanstalk-us-east-1/*", "jumpstart-cache-prod-us-east-1/*", "jumpstart-cache-prod-us-east-1",
      "aws-neptune-notebook", "aws-neptune-notebook/*", "aws-neptune-notebook-us-east-1",
      "aws-neptune-notebook-us-east-1/*", "athena-examples-us-east-1/*", "athena-examples-us-east-1",
      "awssupportdatasvcs.com/*", "redshift-downloads/*", "aws-sap-data-provider/*",
      "aws-sap-dataprovider-us-east-1/*", "awssap-backint-agent/*", "aws-cli/*").map(b -> "arn:aws:s3:::" + b).toList();

  /** The default policy narrowed on an S3 endpoint: also the reads of the AWS-owned buckets, for any caller. */
  private static final String NARROWED_TO_ACCOUNT_S3 = NARROWED_TO_ACCOUNT.replace("]}", ",{\"Sid\":"
      + "\"Statement1AwsOwnedResources\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\","
      + "\"s3:ListBucket\"],\"Resource\":[" + AWS_OWNED_US_EAST_1.stream().map(a -> "\"" + a + "\"")
      .collect(java.util.stream.Collectors.joining(",")) + "]}]}");
  private static final String ORG_ONLY = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}");

  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static String allowAllWhere(String condition) {
    return json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':" + condition + "}]}");
  }

  private static String principals(String... arns) {
    return json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':['"
        + String.join("','", arns) + "']},'Action':'*','Resource':'*'}]}");
  }

  static Stream<Arguments> cases() {
    String partnerAndUs = principals("arn:aws:iam::" + PARTNER + ":root", "arn:aws:iam::123456789012:root");
    return Stream.of(
        arguments("default full-access policy", endpoint("vpce-1"), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy: " + ANY_PRINCIPAL,
            List.of(new NarrowPolicy("vpce-1", Snapshots.FULL_ACCESS_POLICY, NARROWED_TO_ACCOUNT, ACCOUNT_IMPACT))),
        arguments("requester-managed endpoint: reported, never changed", endpoint("vpce-1").requesterManaged(),
            ACCOUNT_ONLY, Status.NON_COMPLIANT, SSM + " has a broad policy: " + ANY_PRINCIPAL + "; the endpoint is"
                + " requester-managed (created by an AWS service on your behalf), so no plan is made", List.of()),
        arguments("endpoint of a service that manages its endpoints: reported, never changed",
            endpoint("vpce-1").service(service(Snapshots.SSM).managesEndpoints()), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy: " + ANY_PRINCIPAL + "; the endpoint is managed by its"
                + " service (ManagesVpcEndpoints), so no plan is made", List.of()),
        arguments("Gateway endpoint with the default policy",
            endpoint("vpce-1").type(EndpointType.GATEWAY).service(service(Snapshots.S3)), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, "vpce-1 (" + Snapshots.S3 + ") has a broad policy: " + ANY_PRINCIPAL,
            List.of(new NarrowPolicy("vpce-1", Snapshots.FULL_ACCESS_POLICY, NARROWED_TO_ACCOUNT_S3, S3_IMPACT))),
        // Issue 10 d: an S3 Interface endpoint keeps the AWS-owned buckets too.
        arguments("S3 Interface endpoint with the default policy",
            endpoint("vpce-1").service(service(Snapshots.S3)), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, "vpce-1 (" + Snapshots.S3 + ") has a broad policy: " + ANY_PRINCIPAL,
            List.of(new NarrowPolicy("vpce-1", Snapshots.FULL_ACCESS_POLICY, NARROWED_TO_ACCOUNT_S3, S3_IMPACT))),
        arguments("no policy document: the default's JSON is the rollback target", endpoint("vpce-1").policy(""),
            ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy (no policy document: AWS applies the default full-access"
                + " policy): " + ANY_PRINCIPAL,
            List.of(new NarrowPolicy("vpce-1", BroadEndpointPolicyRule.DEFAULT_POLICY, NARROWED_TO_ACCOUNT, ACCOUNT_IMPACT))),
        arguments("bounded to the trusted org", endpoint("vpce-1").policy(allowAllWhere(
                "{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}")), WITH_ORG,
            Status.COMPLIANT, SSM + " has a policy that admits only trusted identities", List.of()),
        // Issue 10 i: no trust by default; the reason says how to trust the organization.
        arguments("bounded to an org while no org is configured", endpoint("vpce-1").policy(ORG_ONLY), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy: statement 1 allows any principal (*) with no"
                + " identity-perimeter condition (" + HOW_TO_TRUST + ")",
            List.of(new NarrowPolicy("vpce-1", ORG_ONLY, json("{'Version':'2012-10-17','Statement':{'Sid':"
                + "'Statement1TrustedIdentities','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
                + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "',"
                + "'aws:PrincipalAccount':'123456789012'}}}}"),
                "statement 1: principals outside account 123456789012 lose Action * on Resource *"))),
        arguments("bounded to the account's own organization, read from AWS Organizations",
            endpoint("vpce-1").policy(ORG_ONLY), ACCOUNT_ONLY.withOwnOrganization(new OwnOrganization.Member(ORG)),
            Status.COMPLIANT, SSM + " has a policy that admits only trusted identities (organization " + ORG
                + " is trusted as the scanned account's own organization (organizations:DescribeOrganization))",
            List.of()),
        arguments("the account is in no organization", endpoint("vpce-1").policy(ORG_ONLY),
            ACCOUNT_ONLY.withOwnOrganization(new OwnOrganization.NotMember()),
            Status.NON_COMPLIANT, SSM + " has a broad policy: statement 1 allows any principal (*) with no"
                + " identity-perimeter condition (" + HOW_TO_TRUST + ")",
            List.of(new NarrowPolicy("vpce-1", ORG_ONLY, json("{'Version':'2012-10-17','Statement':{'Sid':"
                + "'Statement1TrustedIdentities','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
                + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "',"
                + "'aws:PrincipalAccount':'123456789012'}}}}"),
                "statement 1: principals outside account 123456789012 lose Action * on Resource *"))),
        arguments("the account's organization could not be read: finding, no plan", endpoint("vpce-1").policy(ORG_ONLY),
            ACCOUNT_ONLY.withOwnOrganization(new OwnOrganization.Unreadable(
                "organizations:DescribeOrganization failed: AccessDeniedException")),
            Status.NON_COMPLIANT, SSM + " has a broad policy: statement 1 allows any principal (*) with no"
                + " identity-perimeter condition (" + HOW_TO_TRUST + "); the account's own organization could not be"
                + " read (organizations:DescribeOrganization failed: AccessDeniedException), so whether the policy"
                + " names it is unknown and no plan is made", List.of()),
        arguments("bounded to the scanned account", endpoint("vpce-1").policy(allowAllWhere(
                "{'StringEquals':{'aws:PrincipalAccount':'123456789012'}}")), ACCOUNT_ONLY,
            Status.COMPLIANT, SSM + " has a policy that admits only trusted identities", List.of()),
        arguments("named partner account, trusted", endpoint("vpce-1").policy(partnerAndUs), WITH_PARTNER,
            Status.COMPLIANT, SSM + " has a policy that admits only trusted identities", List.of()),
        arguments("named partner account, not trusted: dropped", endpoint("vpce-1").policy(partnerAndUs),
            ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy: statement 1 grants principals outside the trusted"
                + " accounts: arn:aws:iam::" + PARTNER + ":root",
            List.of(new NarrowPolicy("vpce-1", partnerAndUs, json("{'Version':'2012-10-17','Statement':{"
                + "'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'*',"
                + "'Resource':'*'}}"), "statement 1: principal arn:aws:iam::" + PARTNER + ":root loses Action * on"
                + " Resource *"))),
        arguments("unparseable policy", endpoint("vpce-1").policy("{not json"), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a policy that cannot be parsed: policy is not valid JSON: Unexpected"
                + " character ('n' (code 110)): was expecting double-quote to start field name", List.of()),
        arguments("Gateway Load Balancer endpoint", endpoint("vpce-1").type(EndpointType.GATEWAY_LOAD_BALANCER),
            ACCOUNT_ONLY,
            Status.NOT_APPLICABLE, SSM + " is a GatewayLoadBalancer endpoint; broad-endpoint-policy applies to"
                + " Interface and Gateway endpoints", List.of()),
        arguments("service without endpoint policies",
            endpoint("vpce-1").service(service(Snapshots.SSM).policyUnsupported()), ACCOUNT_ONLY,
            Status.NOT_APPLICABLE, SSM + " is for a service that does not support endpoint policies", List.of()),
        // Issue 10 f: a partner's service, described here with its owner: the policy is not the control.
        arguments("partner endpoint service, described", endpoint("vpce-1")
                .service(service(PARTNER_SERVICE).ownedBy(PARTNER)), ACCOUNT_ONLY,
            Status.NOT_APPLICABLE, "vpce-1 (" + PARTNER_SERVICE + ") connects to an endpoint service that is not an AWS"
                + " service (owner " + PARTNER + "): AWS allows full access through such an endpoint whatever its"
                + " policy says; the service's allowed principals control who connects", List.of()),
        // Issue 10 f: the same service in another Region, which DescribeVpcEndpointServices here does not describe.
        arguments("partner endpoint service in another Region, not described", endpoint("vpce-1")
                .service(service(PARTNER_SERVICE).unknown()), ACCOUNT_ONLY,
            Status.NOT_APPLICABLE, "vpce-1 (" + PARTNER_SERVICE + ") connects to an endpoint service that is not an AWS"
                + " service: AWS allows full access through such an endpoint whatever its policy says; the service's"
                + " allowed principals control who connects", List.of()),
        // Issue 10 f: an AWS service this Region does not describe: the finding stands, no plan rests on unknowns.
        arguments("AWS service not described here: finding, no plan", endpoint("vpce-1")
                .service(service(Snapshots.SSM).unknown()), ACCOUNT_ONLY,
            Status.NON_COMPLIANT, SSM + " has a broad policy: " + ANY_PRINCIPAL + "; DescribeVpcEndpointServices does"
                + " not describe the service here, so whether its endpoints take a policy is unknown and no plan is"
                + " made", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, EndpointBuilder endpoint, RuleContext context,
                                                   Status status, String reason, List<Change> plan) {
    assertThat(RULE.evaluate(endpoint.build(), context))
        .isEqualTo(Expected.evaluation(RULE, "vpce-1", status, reason, plan));
  }

  @Test
  void evaluate_severalBroadStatements_firstFindingAndCountOfTheRest() {
    String twoBroad = json("{'Version':'2012-10-17','Statement':[{'Sid':'Reads','Effect':'Allow','Principal':'*',"
        + "'Action':'s3:Get*','Resource':'*'},"
        + "{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::123456789012:root'},'Action':'*','Resource':'*'},"
        + "{'Effect':'Deny','Principal':'*','Action':'s3:Delete*','Resource':'*'}]}");
    Evaluation evaluation = RULE.evaluate(endpoint("vpce-1").policy(twoBroad).build(), WITH_ORG);
    assertThat(evaluation.reason()).isEqualTo(SSM + " has a broad policy: statement 1 (Sid \"Reads\") allows any"
        + " principal (*) with no identity-perimeter condition and 1 more");
    assertThat(evaluation.plan()).singleElement().isInstanceOf(NarrowPolicy.class);
  }

  @Test
  void evaluate_broadPolicy_planIsProvablyNarrowerAndNoLongerBroad() {
    TrustedIdentities trust = new TrustedIdentities(WITH_ORG.allTrustedAccounts(), WITH_ORG.trustedOrgIds(),
        Optional.empty());
    NarrowPolicy change = (NarrowPolicy) RULE.evaluate(endpoint("vpce-1").build(), WITH_ORG).plan().get(0);
    assertThat(change.previousPolicy()).isEqualTo(Snapshots.FULL_ACCESS_POLICY);
    assertThat(NarrowingCheck.violation(change.previousPolicy(), change.newPolicy())).isEmpty();
    assertThat(PolicyAnalyzer.analyze(change.newPolicy(), trust).broad()).isFalse();
    assertThat(change.newPolicy()).contains("\"aws:PrincipalOrgID\":\"" + ORG + "\"");
  }

  /**
   * Issue 10 h: a policy that trusts another organization, scanned with a different trusted org. The narrowed
   * statement would require both org ids at once; the impact says so plainly instead of "narrow to trusted identities".
   */
  @Test
  void evaluate_policyTrustingAnotherOrg_impactSaysThePolicyWillAllowNothing() {
    String otherOrg = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'" + FOREIGN_ORG + "'}}");

    Evaluation evaluation = RULE.evaluate(endpoint("vpce-1").policy(otherOrg).build(), WITH_ORG);

    assertThat(evaluation.reason()).isEqualTo(SSM + " has a broad policy: statement 1 allows any principal (*) with no"
        + " identity-perimeter condition (organization " + FOREIGN_ORG + " is not trusted; to trust it, pass"
        + " --trusted-org-id " + FOREIGN_ORG + " or set TrustedOrgIds when deployed)");
    NarrowPolicy change = (NarrowPolicy) evaluation.plan().get(0);
    String impact = "statement 1 admitted only organization " + FOREIGN_ORG + ", which is not trusted: principals of"
        + " organization " + FOREIGN_ORG + " lose Action * on Resource * through the endpoint; a policy needs a"
        + " statement, so statement 1 stays with aws:PrincipalOrgID also required to be " + ORG + ", which no request"
        + " meets: the policy will allow nothing through the endpoint";
    assertThat(change.impact()).isEqualTo(impact);
    assertThat(ReportJson.change(change).get("impact").asText()).isEqualTo(impact);
    assertThat(change.describe()).isEqualTo("replace the endpoint policy of vpce-1 with a narrowed copy that allows"
        + " nothing the current one denies");
    assertThat(change.newPolicy()).isEqualTo(json("{'Version':'2012-10-17','Statement':{'Effect':'Allow',"
        + "'Principal':'*','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'"
        + FOREIGN_ORG + "'},'StringEqualsIgnoreCase':{'aws:PrincipalOrgID':'" + ORG + "'}}}}"));
    assertThat(NarrowingCheck.violation(change.previousPolicy(), change.newPolicy())).isEmpty();
  }

  /** Issue 10 h: beside a statement that stays, the one admitting only another org is removed, and says who loses. */
  @Test
  void evaluate_statementTrustingAnotherOrgBesideOurs_isRemovedAndTheImpactSaysWhoLosesWhat() {
    String policy = json("{'Version':'2012-10-17','Statement':["
        + "{'Sid':'Ours','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}},"
        + "{'Sid':'Theirs','Effect':'Allow','Principal':'*','Action':['s3:GetObject','s3:PutObject'],'Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'" + FOREIGN_ORG + "'}}}]}");

    NarrowPolicy change = (NarrowPolicy) RULE.evaluate(endpoint("vpce-1").policy(policy).build(), WITH_ORG).plan()
        .get(0);

    assertThat(change.impact()).isEqualTo("statement 2 admitted only organization " + FOREIGN_ORG + ", which is not"
        + " trusted: it is removed, and principals of organization " + FOREIGN_ORG + " lose Action s3:GetObject,"
        + " s3:PutObject on Resource * through the endpoint");
    assertThat(change.newPolicy()).isEqualTo(json("{'Version':'2012-10-17','Statement':{'Sid':'Ours','Effect':"
        + "'Allow','Principal':'*','Action':'*','Resource':'*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'"
        + ORG + "'}}}}"));
  }

  /** Issue 10 d: the judgement depends on the service, so the cache keeps S3 and SSM endpoints apart. */
  @Test
  void evaluate_samePolicyOnSsmThenS3_eachGetsItsOwnNarrowing() {
    NarrowPolicy ssm = (NarrowPolicy) RULE.evaluate(endpoint("vpce-1").build(), ACCOUNT_ONLY).plan().get(0);
    NarrowPolicy s3 = (NarrowPolicy) RULE.evaluate(endpoint("vpce-1").service(service(Snapshots.S3)).build(),
        ACCOUNT_ONLY).plan().get(0);

    assertThat(ssm.newPolicy()).isEqualTo(NARROWED_TO_ACCOUNT);
    assertThat(s3.newPolicy()).isEqualTo(NARROWED_TO_ACCOUNT_S3);
  }

  @Test
  void evaluate_severalEndpoints_oneVerdictEach() {
    List<Evaluation> evaluations = Stream.of(endpoint("vpce-1"),
            endpoint("vpce-2").policy(allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}")),
            endpoint("vpce-3").type(EndpointType.GATEWAY_LOAD_BALANCER))
        .map(e -> RULE.evaluate(e.build(), WITH_ORG))
        .toList();
    assertThat(evaluations).extracting(Evaluation::resourceId, Evaluation::status).containsExactly(
        tuple("vpce-1", Status.NON_COMPLIANT), tuple("vpce-2", Status.COMPLIANT),
        tuple("vpce-3", Status.NOT_APPLICABLE));
  }

  @Test
  void rule_identity_isBroadEndpointPolicyHighOnEndpoints() {
    assertThat(RULE.id()).isEqualTo(RuleId.BROAD_ENDPOINT_POLICY);
    assertThat(RULE.severity()).isEqualTo(Severity.HIGH);
    assertThat(RULE.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
  }
}
