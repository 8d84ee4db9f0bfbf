package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.model.Targets;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.Requests;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * Issue 10 i: no trust by default. With no organization configured, a policy bounded to an organization passes only
 * when that organization is the scanned account's own, as AWS Organizations reports it; otherwise the reason says how
 * to trust it.
 */
@LocalAwsTest
class PipelineOwnOrganizationTest {
  private static final String SSM = "com.amazonaws.us-east-1.ssm";

  private AwsClients clients;
  private Pipeline pipeline;

  @BeforeEach
  void seed(AwsClients clients) {
    this.clients = clients;
    this.pipeline = Wiring.pipeline(clients);
  }

  private String endpointBoundTo(String orgId) {
    Ec2Client ec2 = clients.ec2();
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.7.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.7.1.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + orgId
        + "\"}}}]}";
    return ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM).vpcEndpointType("Interface").subnetIds(subnet)
        .privateDnsEnabled(false).policyDocument(policy)).vpcEndpoint().vpcEndpointId();
  }

  private static Settings policyRuleOnly(Set<String> trustedOrgs) {
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      modes.put(rule, rule == RuleId.BROAD_ENDPOINT_POLICY ? Mode.ALERT : Mode.OFF);
    }
    return Settings.fromValues(List.of(), List.copyOf(trustedOrgs), null, null, modes);
  }

  private Evaluation evaluation(Run run, String endpoint) {
    return run.report().results().stream().map(EvaluationResult::evaluation)
        .filter(e -> e.resourceId().equals(endpoint)).findFirst().orElseThrow();
  }

  @Test
  void run_policyBoundToTheAccountsOwnOrganization_isCompliantAndSaysWhereTheTrustCameFrom() {
    String orgId = clients.organizations().createOrganization(b -> b.featureSet(OrganizationFeatureSet.ALL))
        .organization().id();
    String endpoint = endpointBoundTo(orgId);

    Run run = pipeline.run(Requests.of(Targets.allInRegion(), policyRuleOnly(Set.of())));

    Evaluation e = evaluation(run, endpoint);
    assertThat(e.status()).isEqualTo(Status.COMPLIANT);
    assertThat(e.reason()).isEqualTo(endpoint + " (" + SSM + ") has a policy that admits only trusted identities"
        + " (organization " + orgId + " is trusted as the scanned account's own organization"
        + " (organizations:DescribeOrganization))");
    assertThat(run.problems()).isEmpty();
  }

  @Test
  void run_policyBoundToAnotherOrganization_isNonCompliantWithHowToTrustIt() {
    clients.organizations().createOrganization(b -> b.featureSet(OrganizationFeatureSet.ALL));
    String endpoint = endpointBoundTo("o-z9y8x7w6v5");

    Evaluation e = evaluation(pipeline.run(Requests.of(Targets.allInRegion(), policyRuleOnly(Set.of()))), endpoint);

    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.reason()).contains("organization o-z9y8x7w6v5 is not trusted; to trust it, pass --trusted-org-id"
        + " o-z9y8x7w6v5 or set TrustedOrgIds when deployed");
  }

  @Test
  void run_accountInNoOrganization_isNonCompliantWithHowToTrustIt() {
    String endpoint = endpointBoundTo("o-a1b2c3d4e5");

    Evaluation e = evaluation(pipeline.run(Requests.of(Targets.allInRegion(), policyRuleOnly(Set.of()))), endpoint);

    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.reason()).contains("organization o-a1b2c3d4e5 is not trusted; to trust it, pass --trusted-org-id"
        + " o-a1b2c3d4e5 or set TrustedOrgIds when deployed");
    assertThat(e.plan()).hasSize(1);
  }

  @Test
  void run_organizationConfigured_trustsOnlyThatOne() {
    String own = clients.organizations().createOrganization(b -> b.featureSet(OrganizationFeatureSet.ALL))
        .organization().id();
    String endpoint = endpointBoundTo(own);

    Evaluation e = evaluation(pipeline.run(Requests.of(Targets.allInRegion(), policyRuleOnly(Set.of("o-a1b2c3d4e5")))), endpoint);

    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.reason()).contains("organization " + own + " is not trusted");
  }
}
