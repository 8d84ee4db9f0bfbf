package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.model.Tags;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.Requests;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Two Interface endpoints for one service in one VPC, both with private DNS off: AWS lets only one have it, and the
 * rule gives the plan to the one with the lower id. When that one is exempt from the rule, the other takes the plan.
 */
@LocalAwsTest
class PipelineExemptSiblingTest {
  private static final String SSM = "com.amazonaws.us-east-1.ssm";

  private Ec2Client ec2;
  private Pipeline pipeline;
  private String lower;
  private String higher;

  @BeforeEach
  void seed(AwsClients clients) {
    ec2 = clients.ec2();
    pipeline = Wiring.pipeline(clients);
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(a -> a.value(true)));
    String subnetA = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.9.1.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    String subnetB = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.9.2.0/24").availabilityZone("us-east-1b"))
        .subnet().subnetId();
    List<String> ids = Stream.of(1, 2)
        .map(i -> ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
            .subnetIds(subnetA, subnetB).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId())
        .sorted().toList();
    lower = ids.get(0);
    higher = ids.get(1);
  }

  private void exemptLower() {
    ec2.createTags(b -> b.resources(lower).tags(t -> t.key(Tags.EXEMPT).value(RuleId.PRIVATE_DNS_DISABLED.id())));
  }

  private static Settings only(Mode mode) {
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      modes.put(rule, rule == RuleId.PRIVATE_DNS_DISABLED ? mode : Mode.OFF);
    }
    return Settings.defaults().withModes(modes);
  }

  private static EvaluationResult result(Run run, String endpointId) {
    return run.report().results().stream().filter(r -> r.evaluation().resourceId().equals(endpointId))
        .findFirst().orElseThrow(() -> new AssertionError("no evaluation of " + endpointId));
  }

  private boolean privateDns(String endpointId) {
    return ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().get(0).privateDnsEnabled();
  }

  @Test
  void run_lowerIdNotExempt_lowerTakesThePlanHigherDefers() {
    Run run = pipeline.run(Requests.of(Targets.endpoints(List.of(higher)), only(Mode.ALERT)));

    EvaluationResult h = result(run, higher);
    assertThat(h.evaluation().status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(h.evaluation().plan()).isEmpty();
    assertThat(h.evaluation().reason()).contains("the plan for " + lower + " turns it on there");
  }

  @Test
  void run_lowerIdExemptAndOnlyTheHigherTargeted_higherTakesThePlan() {
    exemptLower();

    Run run = pipeline.run(Requests.of(Targets.endpoints(List.of(higher)), only(Mode.ALERT)));

    EvaluationResult h = result(run, higher);
    assertThat(h.evaluation().status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(h.evaluation().plan()).hasSize(1);
    assertThat(h.evaluation().plan().get(0).describe()).contains("turn on private DNS for " + higher);
  }

  @Test
  void run_lowerIdExemptRemediate_higherGetsPrivateDnsExemptOneLeftAlone() {
    exemptLower();

    Run run = pipeline.run(Requests.of(Targets.allInRegion(), only(Mode.REMEDIATE)));

    assertThat(result(run, lower).evaluation().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(result(run, lower).evaluation().reason()).startsWith("exempt by tag");
    assertThat(result(run, higher).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(privateDns(higher)).isTrue();
    assertThat(privateDns(lower)).isFalse();
  }
}
