package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.summary;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.VpcDnsAttribute;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.VpcBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VpcDnsDisabledRuleTest {
  private static final VpcDnsDisabledRule RULE = new VpcDnsDisabledRule();
  private static final Change SUPPORT =
      new EnableVpcDnsAttribute(Snapshots.VPC_ID, VpcDnsAttribute.ENABLE_DNS_SUPPORT);
  private static final Change HOSTNAMES =
      new EnableVpcDnsAttribute(Snapshots.VPC_ID, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);

  private static EndpointSummary interfaceWithDns(String id) {
    return summary(id, EndpointType.INTERFACE, Snapshots.SSM, true, "subnet-a");
  }

  private static VpcBuilder withDnsEndpoints() {
    return vpc().endpoints(interfaceWithDns("vpce-2"), interfaceWithDns("vpce-1"),
        summary("vpce-3", EndpointType.INTERFACE, "com.amazonaws.us-east-1.ec2", false, "subnet-a"));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("both attributes on", withDnsEndpoints(),
            Status.COMPLIANT, "vpc-0a1 has enableDnsSupport and enableDnsHostnames on for 2 endpoints (vpce-1,"
                + " vpce-2) with private DNS", List.of()),
        arguments("hostnames off", withDnsEndpoints().dnsHostnames(false),
            Status.NON_COMPLIANT, "vpc-0a1 has enableDnsHostnames off, so private DNS does not resolve for 2"
                + " endpoints (vpce-1, vpce-2) with it on", List.of(HOSTNAMES)),
        arguments("support off", vpc().dnsSupport(false).endpoints(interfaceWithDns("vpce-1")),
            Status.NON_COMPLIANT, "vpc-0a1 has enableDnsSupport off, so private DNS does not resolve for 1"
                + " endpoint (vpce-1) with it on", List.of(SUPPORT)),
        arguments("both off", vpc().dnsSupport(false).dnsHostnames(false).endpoints(interfaceWithDns("vpce-1")),
            Status.NON_COMPLIANT, "vpc-0a1 has enableDnsSupport and enableDnsHostnames off, so private DNS does"
                + " not resolve for 1 endpoint (vpce-1) with it on",
            List.of(SUPPORT, HOSTNAMES)),
        arguments("no endpoints at all", vpc().dnsSupport(false).dnsHostnames(false),
            Status.NOT_APPLICABLE, "vpc-0a1 holds no Interface endpoint with private DNS on", List.of()),
        arguments("Interface endpoints with private DNS off only",
            vpc().dnsHostnames(false).endpoints(summary("vpce-1", EndpointType.INTERFACE, Snapshots.SSM, false)),
            Status.NOT_APPLICABLE, "vpc-0a1 holds no Interface endpoint with private DNS on", List.of()),
        arguments("Gateway endpoint reporting private DNS on",
            vpc().dnsHostnames(false).endpoints(summary("vpce-g", EndpointType.GATEWAY, Snapshots.S3, true)),
            Status.NOT_APPLICABLE, "vpc-0a1 holds no Interface endpoint with private DNS on", List.of()),
        arguments("the only private-DNS endpoint is being deleted",
            vpc().dnsHostnames(false).endpoints(new EndpointSummary("vpce-1", EndpointType.INTERFACE, Snapshots.SSM,
                EndpointState.DELETING, true, List.of())),
            Status.NOT_APPLICABLE, "vpc-0a1 holds no Interface endpoint with private DNS on", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, VpcBuilder vpc, Status status, String reason,
                                                   List<Change> plan) {
    assertThat(RULE.evaluate(vpc.build(), Snapshots.context()))
        .isEqualTo(Expected.evaluation(RULE, Snapshots.VPC_ID, status, reason, plan));
  }

  @Test
  void evaluate_severalVpcs_oneVerdictEach() {
    List<Evaluation> evaluations = Stream.of(withDnsEndpoints(),
            vpc("vpc-0b2").dnsHostnames(false).endpoints(interfaceWithDns("vpce-9")), vpc("vpc-0c3"))
        .map(v -> RULE.evaluate(v.build(), Snapshots.context()))
        .toList();
    assertThat(evaluations).extracting(Evaluation::resourceId, Evaluation::vpcId, Evaluation::status)
        .containsExactly(tuple("vpc-0a1", "vpc-0a1", Status.COMPLIANT),
            tuple("vpc-0b2", "vpc-0b2", Status.NON_COMPLIANT), tuple("vpc-0c3", "vpc-0c3", Status.NOT_APPLICABLE));
  }

  @Test
  void rule_identity_isVpcDnsDisabledMediumOnVpcs() {
    assertThat(RULE.id()).isEqualTo(RuleId.VPC_DNS_DISABLED);
    assertThat(RULE.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(RULE.resourceType()).isEqualTo(ResourceType.VPC);
  }
}
