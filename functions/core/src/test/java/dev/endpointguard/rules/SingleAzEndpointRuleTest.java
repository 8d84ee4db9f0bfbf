package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.service;
import static dev.endpointguard.testing.Snapshots.subnet;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.plan.Change;
import dev.endpointguard.testing.Plans;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SingleAzEndpointRuleTest {
  private static final SingleAzEndpointRule RULE = new SingleAzEndpointRule();
  private static final String SSM = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String COST_1 = "adding 1 AZ costs about $7.30 per month at $0.01 per AZ-hour";

  private static RuleContext minAzs(int n) {
    return new RuleContext(Snapshots.ACCOUNT, n, Set.of(), Set.of(), RuleContext.DEFAULT_AZ_HOUR_PRICE);
  }

  static Stream<Arguments> cases() {
    RuleContext defaults = Snapshots.context();
    return Stream.of(
        arguments("two AZs",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"), subnet("subnet-b", "use1-az2")), defaults,
            Status.COMPLIANT, SSM + " spans 2 AZs (use1-az1, use1-az2); 2 required", List.of()),
        arguments("one AZ, a private subnet free in another",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))), defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required; " + COST_1,
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-b"), List.of("use1-az2")))),
        arguments("pending endpoint is judged",
            endpoint("vpce-1").state("pending").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))), defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required; " + COST_1,
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-b"), List.of("use1-az2")))),
        arguments("three required, two AZs added in AZ id order",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-c", "use1-az3"), subnet("subnet-b", "use1-az2"))), minAzs(3),
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 3 required; adding 2 AZs costs about"
                + " $14.60 per month at $0.01 per AZ-hour",
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-b", "subnet-c"), List.of("use1-az2", "use1-az3")))),
        arguments("service offers one AZ: requirement capped",
            endpoint("vpce-1").service(service(Snapshots.SSM).offeredIn("use1-az1"))
                .subnets(subnet("subnet-a", "use1-az1")).vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))),
            defaults,
            Status.COMPLIANT, SSM + " spans 1 AZ (use1-az1); 1 required (the service offers 1 AZ where the VPC has"
                + " a subnet)", List.of()),
        arguments("VPC has subnets in two AZs, three wanted: capped at two",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))), minAzs(3),
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required (the service offers 2 AZs"
                + " where the VPC has a subnet); " + COST_1,
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-b"), List.of("use1-az2")))),
        arguments("only a public subnet in the other AZ",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2").publicSubnet())), defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required; no subnet can be added: the"
                + " only other subnets in AZs the service offers are unusable: subnet-b (use1-az2) is public",
            List.of()),
        arguments("only a full subnet in the other AZ",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2").freeIps(0))), defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required; no subnet can be added: the"
                + " only other subnets in AZs the service offers are unusable: subnet-b (use1-az2) has no free"
                + " addresses", List.of()),
        arguments("subnet in an AZ the service does not offer is never chosen",
            endpoint("vpce-1").service(service(Snapshots.SSM).offeredIn("use1-az1", "use1-az3"))
                .subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3").publicSubnet())),
            defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 2 required; no subnet can be added: the"
                + " only other subnets in AZs the service offers are unusable: subnet-c (use1-az3) is public",
            List.of()),
        arguments("only one of two missing AZs can be added",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3").freeIps(0))),
            minAzs(3),
            Status.NON_COMPLIANT, SSM + " has subnets in 1 AZ (use1-az1); 3 required; " + COST_1 + "; only 1 of the"
                + " 2 missing AZs can be added: the only other subnets in AZs the service offers are unusable:"
                + " subnet-c (use1-az3) has no free addresses",
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-b"), List.of("use1-az2")))),
        arguments("no subnets at all",
            endpoint("vpce-1").vpc(vpc().subnets(subnet("subnet-a", "use1-az1"), subnet("subnet-b", "use1-az2"))),
            defaults,
            Status.NON_COMPLIANT, SSM + " has subnets in 0 AZs; 2 required; adding 2 AZs costs about $14.60 per"
                + " month at $0.01 per AZ-hour",
            List.of(Plans.addSubnets("vpce-1", List.of("subnet-a", "subnet-b"), List.of("use1-az1", "use1-az2")))),
        arguments("unknown service, one AZ",
            endpoint("vpce-1").service(service("com.example.unknown").unknown())
                .subnets(subnet("subnet-a", "use1-az1")).vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))),
            defaults,
            Status.NON_COMPLIANT, "vpce-1 (com.example.unknown) has subnets in 1 AZ (use1-az1); 2 required, but the"
                + " service is not in DescribeVpcEndpointServices, so the AZs it offers are unknown and no plan is"
                + " made", List.of()),
        arguments("unknown service, two AZs",
            endpoint("vpce-1").service(service("com.example.unknown").unknown())
                .subnets(subnet("subnet-a", "use1-az1"), subnet("subnet-b", "use1-az2")), defaults,
            Status.COMPLIANT, "vpce-1 (com.example.unknown) spans 2 AZs (use1-az1, use1-az2); 2 required",
            List.of()),
        arguments("Gateway endpoint",
            endpoint("vpce-1").type(EndpointType.GATEWAY), defaults,
            Status.NOT_APPLICABLE, SSM + " is a Gateway endpoint; single-az-endpoint applies to Interface endpoints",
            List.of()),
        arguments("Gateway Load Balancer endpoint",
            endpoint("vpce-1").type(EndpointType.GATEWAY_LOAD_BALANCER).subnets(subnet("subnet-a", "use1-az1")),
            defaults,
            Status.NOT_APPLICABLE, SSM + " is a GatewayLoadBalancer endpoint; single-az-endpoint applies to"
                + " Interface endpoints", List.of()),
        arguments("service manages its endpoints",
            endpoint("vpce-1").service(service(Snapshots.SSM).managesEndpoints())
                .subnets(subnet("subnet-a", "use1-az1")), defaults,
            Status.NOT_APPLICABLE, SSM + ": the endpoint is managed by its service (ManagesVpcEndpoints), so its subnets are not"
                + " endpoint-guard's to change", List.of()),
        arguments("requester-managed",
            endpoint("vpce-1").requesterManaged().subnets(subnet("subnet-a", "use1-az1")), defaults,
            Status.NOT_APPLICABLE, SSM + ": the endpoint is requester-managed (created by an AWS service on your behalf), so its"
                + " subnets are not endpoint-guard's to change", List.of()),
        arguments("deleting",
            endpoint("vpce-1").state("deleting").subnets(subnet("subnet-a", "use1-az1")), defaults,
            Status.NOT_APPLICABLE, SSM + " is deleting; only available or pending endpoints are judged", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, EndpointBuilder endpoint, RuleContext context,
                                                   Status status, String reason, List<Change> plan) {
    assertThat(RULE.evaluate(endpoint.build(), context))
        .isEqualTo(Expected.evaluation(RULE, "vpce-1", status, reason, plan));
  }

  @Test
  void evaluate_nonDefaultPrice_reasonGivesThatCost() {
    RuleContext context = new RuleContext(Snapshots.ACCOUNT, 2, Set.of(), Set.of(), new BigDecimal("0.0125"));
    Evaluation evaluation = RULE.evaluate(endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
        .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))).build(), context);
    assertThat(evaluation.reason())
        .endsWith("; adding 1 AZ costs about $9.13 per month at $0.0125 per AZ-hour");
  }

  @Test
  void evaluate_severalEndpoints_oneVerdictEach() {
    List<Evaluation> evaluations = Stream.of(
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"), subnet("subnet-b", "use1-az2")),
            endpoint("vpce-2").subnets(subnet("subnet-a", "use1-az1"))
                .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))),
            endpoint("vpce-3").type(EndpointType.GATEWAY))
        .map(e -> RULE.evaluate(e.build(), Snapshots.context()))
        .toList();
    assertThat(evaluations).extracting(Evaluation::resourceId, Evaluation::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("vpce-1", Status.COMPLIANT),
        org.assertj.core.groups.Tuple.tuple("vpce-2", Status.NON_COMPLIANT),
        org.assertj.core.groups.Tuple.tuple("vpce-3", Status.NOT_APPLICABLE));
  }

  @Test
  void rule_identity_isSingleAzEndpointHighOnEndpoints() {
    assertThat(RULE.id()).isEqualTo(RuleId.SINGLE_AZ_ENDPOINT);
    assertThat(RULE.severity()).isEqualTo(Severity.HIGH);
    assertThat(RULE.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
  }
}
