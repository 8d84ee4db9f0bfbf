package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.ORG;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.json;
import static dev.endpointguard.policy.Policies.statement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 10 c: the endpoint policies AWS itself recommends are not broad; what makes a resource specific. */
class AwsRecommendedPoliciesTest {
  private static final TrustedIdentities NOTHING_BUT_THE_ACCOUNT = new TrustedIdentities(Set.of("111122223333"),
      Set.of(), Optional.empty());

  static Stream<Arguments> dataPerimeterPolicies() {
    return Stream.of(
        Arguments.of("s3_endpoint_policy.json (whole template)", DataPerimeterPolicies.S3_ENDPOINT_POLICY),
        Arguments.of("default_endpoint_policy.json", DataPerimeterPolicies.DEFAULT_ENDPOINT_POLICY),
        Arguments.of("ecr.api_endpoint_policy.json", DataPerimeterPolicies.ECR_API_ENDPOINT_POLICY),
        Arguments.of("ssm_endpoint_policy.json", DataPerimeterPolicies.SSM_ENDPOINT_POLICY),
        Arguments.of("cloudformation_endpoint_policy.json", DataPerimeterPolicies.CLOUDFORMATION_ENDPOINT_POLICY),
        Arguments.of("ec2_endpoint_policy.json", DataPerimeterPolicies.EC2_ENDPOINT_POLICY),
        Arguments.of("iam_endpoint_policy.json", DataPerimeterPolicies.IAM_ENDPOINT_POLICY),
        Arguments.of("imagebuilder_endpoint_policy.json", DataPerimeterPolicies.IMAGEBUILDER_ENDPOINT_POLICY),
        Arguments.of("iot_endpoint_policy.json", DataPerimeterPolicies.IOT_ENDPOINT_POLICY),
        Arguments.of("lambda_endpoint_policy.json", DataPerimeterPolicies.LAMBDA_ENDPOINT_POLICY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataPerimeterPolicies")
  void analyze_dataPerimeterPolicyWithItsOrgTrusted_isNotBroad(String name, String template) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(DataPerimeterPolicies.render(template), ORG_TRUST);

    assertThat(analysis.parseError()).isEmpty();
    assertThat(analysis.broadStatements()).isEmpty();
    assertThat(analysis.notes()).isEmpty();
  }

  /** Issue 10 i: the same policies name an organization; trusted only when configured or the account's own. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dataPerimeterPolicies")
  void analyze_dataPerimeterPolicyWithoutTheOrgTrusted_isBroadAndSaysHowToTrustIt(String name, String template) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(DataPerimeterPolicies.render(template), ACCOUNT_TRUST);

    assertThat(analysis.broad()).isTrue();
    assertThat(analysis.broadStatements()).allSatisfy(f -> assertThat(f.reason()).contains("organization " + ORG
        + " is not trusted; to trust it, pass --trusted-org-id " + ORG + " or set TrustedOrgIds when deployed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataPerimeterPolicies")
  void analyze_dataPerimeterPolicyWithTheAccountsOwnOrg_isNotBroadWithANote(String name, String template) {
    TrustedIdentities own = new TrustedIdentities(ACCOUNT_TRUST.accountIds(), Set.of(), Optional.of(ORG));

    PolicyAnalysis analysis = PolicyAnalyzer.analyze(DataPerimeterPolicies.render(template), own);

    assertThat(analysis.broad()).isFalse();
    assertThat(analysis.notes()).containsExactly("organization " + ORG + " is trusted as the scanned account's own"
        + " organization (organizations:DescribeOrganization)");
  }

  /** The statement that lets anyone read AWS-owned buckets needs no trusted identity at all. */
  @Test
  void analyze_s3TemplatesAwsOwnedResourcesStatementAlone_isNotBroad() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode rendered = mapper.readTree(DataPerimeterPolicies.render(DataPerimeterPolicies.S3_ENDPOINT_POLICY));
    JsonNode statement = rendered.get("Statement").get(3);
    assertThat(statement.get("Sid").asText()).isEqualTo("AllowRequestsToAWSOwnedResources");
    String alone = "{\"Version\":\"2012-10-17\",\"Statement\":[" + mapper.writeValueAsString(statement) + "]}";

    PolicyAnalysis analysis = PolicyAnalyzer.analyze(alone, NOTHING_BUT_THE_ACCOUNT);

    assertThat(analysis.parseError()).isEmpty();
    assertThat(analysis.broad()).isFalse();
    assertThat(alone).contains("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*",
        "arn:aws:s3:::cloudformation-custom-resource-response-useast1/*");
  }

  static Stream<Arguments> awsGuideExamples() {
    return Stream.of(
        // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html#edit-vpc-endpoint-policy-s3
        Arguments.of("PrivateLink guide: restrict access to a specific bucket", json("""
            {'Version':'2012-10-17','Statement':[{'Sid':'Allow-access-to-specific-bucket','Effect':'Allow',
             'Principal':'*','Action':['s3:ListBucket','s3:GetObject','s3:PutObject'],
             'Resource':['arn:aws:s3:::bucket_name','arn:aws:s3:::bucket_name/*']}]}""")),
        Arguments.of("PrivateLink guide, earlier version", json("""
            {'Statement':[{'Sid':'Access-to-specific-bucket-only','Principal':'*','Action':['s3:GetObject',
             's3:PutObject'],'Effect':'Allow','Resource':['arn:aws:s3:::my_secure_bucket',
             'arn:aws:s3:::my_secure_bucket/*']}]}""")),
        // https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms
        Arguments.of("ECR guide: minimum S3 permissions", json("""
            {'Statement':[{'Sid':'Access-to-specific-bucket-only','Principal':'*','Action':['s3:GetObject'],
             'Effect':'Allow','Resource':['arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*']}]}""")),
        // https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-technical-details.html
        Arguments.of("SSM guide: SSM Agent's buckets", json("""
            {'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:GetObject',
             'Resource':['arn:aws:s3:::aws-ssm-us-east-2/*','arn:aws:s3:::aws-windows-downloads-us-east-2/*',
             'arn:aws:s3:::amazon-ssm-us-east-2/*','arn:aws:s3:::amazon-ssm-packages-us-east-2/*',
             'arn:aws:s3:::us-east-2-birdwatcher-prod/*','arn:aws:s3:::patch-baseline-snapshot-us-east-2/*']}]}""")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awsGuideExamples")
  void analyze_awsGuideExample_isNotBroadWithoutAnyTrustedOrganization(String name, String policy) {
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policy, NOTHING_BUT_THE_ACCOUNT);

    assertThat(analysis.parseError()).isEmpty();
    assertThat(analysis.broad()).isFalse();
  }

  /** One any-principal statement allowing s3:GetObject (or the given action) on the resource. */
  @ParameterizedTest(name = "{0} {1}: broad {2}")
  @CsvSource(delimiter = '|', value = {
      "s3:GetObject|arn:aws:s3:::bucket/*|false",
      "s3:GetObject|arn:aws:s3:::bucket/prefix/*|false",
      "s3:GetObject|arn:aws:s3:::bucket|false",
      "s3:GetObject|arn:aws:s3:::*|true",
      "s3:GetObject|arn:aws:s3:::app-*|true",
      "s3:GetObject|arn:aws:s3:::*/key|true",
      "s3:GetObject|arn:aws:s3:::${aws:username}/*|true",
      "s3:GetObject|*|true",
      "sqs:SendMessage|arn:aws:sqs:*:*:*|true",
      "sqs:SendMessage|arn:aws:sqs:us-east-1:111122223333:queue-*|true",
      "sqs:SendMessage|arn:aws:sqs:us-east-1:111122223333:orders|false",
      "ecr:BatchGetImage|arn:aws:ecr:us-east-1:111122223333:repository/*|true",
      "ecr:BatchGetImage|arn:aws:ecr:us-east-1:111122223333:repository/app|false",
      "ecr:BatchGetImage|arn:aws:ecr:us-east-1:*:repository/app|true",
      "dynamodb:Query|arn:aws:dynamodb:us-east-1:111122223333:table/Books/index/*|false",
      "dynamodb:Query|arn:aws:dynamodb:us-east-1:111122223333:table/*|true",
      "logs:PutLogEvents|arn:aws:logs:us-east-1:111122223333:log-group:app:*|false",
      "s3:Get*|arn:aws:s3:::bucket/*|true",
      "s3:GetObject?|arn:aws:s3:::bucket/*|true"})
  void analyze_anyPrincipalWithExplicitActions_broadUnlessResourcesAreSpecific(String action, String resource,
                                                                               boolean broad) {
    String policy = statement("'Effect':'Allow','Principal':'*','Action':'" + action + "','Resource':'" + resource
        + "'");

    assertThat(PolicyAnalyzer.analyze(policy, NOTHING_BUT_THE_ACCOUNT).broad()).isEqualTo(broad);
  }

  @Test
  void analyze_notActionOnSpecificResource_isBroad() {
    String policy = statement("'Effect':'Allow','Principal':'*','NotAction':'s3:DeleteObject',"
        + "'Resource':'arn:aws:s3:::bucket/*'");

    assertThat(PolicyAnalyzer.analyze(policy, NOTHING_BUT_THE_ACCOUNT).broad()).isTrue();
  }
}
