package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.group;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.plan.Change;
import dev.endpointguard.testing.Plans;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BroadEndpointSecurityGroupRuleTest {
  private static final BroadEndpointSecurityGroupRule RULE = new BroadEndpointSecurityGroupRule();
  private static final String SSM = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String NARROWED = "; each such source would be narrowed to the CIDR blocks of vpc-0a1";
  private static final String IPV6_BLOCK = "2600:1f18:aa:bb00::/56";

  private static EndpointBuilder openHttps() {
    return endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0"));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("groups admit the VPC only",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "10.0.0.0/16"),
                group("sg-2").allow("tcp", 443, 443, "sg-9")),
            Status.COMPLIANT, SSM + " has no security group rule open to 0.0.0.0/0 or ::/0 (sg-1, sg-2)", List.of()),
        arguments("no security groups", endpoint("vpce-1"),
            Status.COMPLIANT, SSM + " has no security groups", List.of()),
        arguments("HTTPS from anywhere (IPv4)", openHttps(),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16")))),
        arguments("all traffic from anywhere, VPC with two IPv4 blocks",
            endpoint("vpce-1").groups(group("sg-1").allow("-1", -1, -1, "0.0.0.0/0"))
                .vpc(vpc().cidrs(List.of("10.0.0.0/16", "10.1.0.0/16"), List.of())),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows all traffic from 0.0.0.0/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "-1", -1, -1, "0.0.0.0/0", List.of("10.0.0.0/16",
                "10.1.0.0/16")))),
        arguments("port range from ::/0, VPC with IPv6",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 1024, 2048, "::/0"))
                .vpc(vpc().cidrs(List.of("10.0.0.0/16"), List.of(IPV6_BLOCK))),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 1024-2048 from ::/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "tcp", 1024, 2048, "::/0", List.of(IPV6_BLOCK)))),
        arguments("::/0 in a VPC without IPv6: the source is replaced by nothing",
            endpoint("vpce-1").groups(group("sg-1").allow("udp", 53, 53, "::/0")),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows udp 53 from ::/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "udp", 53, 53, "::/0", List.of()))),
        arguments("two groups, only open rules replaced",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "10.0.0.0/16")
                    .allow("tcp", 443, 443, "0.0.0.0/0"),
                group("sg-2").allow("tcp", 80, 80, "0.0.0.0/0").allow("tcp", 80, 80, "::/0"))
                .vpc(vpc().cidrs(List.of("10.0.0.0/16"), List.of(IPV6_BLOCK))),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0, sg-2 allows tcp 80"
                + " from 0.0.0.0/0, sg-2 allows tcp 80 from ::/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16")),
                Plans.replaceIngressSource("sg-2", "tcp", 80, 80, "0.0.0.0/0", List.of("10.0.0.0/16")),
                Plans.replaceIngressSource("sg-2", "tcp", 80, 80, "::/0", List.of(IPV6_BLOCK)))),
        arguments("a shared group that is not open does not block the plan",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0"),
                group("sg-2").allow("tcp", 443, 443, "10.0.0.0/16").usedBy("eni-0abc (instance i-0123)")),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0" + NARROWED,
            List.of(Plans.replaceIngressSource("sg-1", "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16")))),
        arguments("open group shared with an instance",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0")
                .usedBy("eni-0abc (instance i-0123)", "eni-0def (lambda)")),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0; sg-1 is also used"
                + " by eni-0abc (instance i-0123), eni-0def (lambda), so no plan is made", List.of()),
        arguments("requester-managed endpoint: reported, never changed",
            endpoint("vpce-1").requesterManaged().groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0")),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0; the endpoint is"
                + " requester-managed (created by an AWS service on your behalf), so no plan is made", List.of()),
        arguments("open group whose users were not looked up",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0").usageUnknown()),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0; what else uses"
                + " sg-1 is unknown, so no plan is made", List.of()),
        arguments("one open group endpoint-only, another open and shared: no plan at all",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0"),
                group("sg-2").allow("tcp", 22, 22, "0.0.0.0/0").usedBy("eni-0abc (instance i-0123)")),
            Status.NON_COMPLIANT, SSM + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0, sg-2 allows tcp 22"
                + " from 0.0.0.0/0; sg-2 is also used by eni-0abc (instance i-0123), so no plan is made", List.of()),
        arguments("Gateway endpoint", endpoint("vpce-1").type(EndpointType.GATEWAY),
            Status.NOT_APPLICABLE, SSM + " is a Gateway endpoint; broad-endpoint-security-group applies to Interface"
                + " endpoints", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, EndpointBuilder endpoint, Status status,
                                                   String reason, List<Change> plan) {
    assertThat(RULE.evaluate(endpoint.build(), Snapshots.context()))
        .isEqualTo(Expected.evaluation(RULE, "vpce-1", status, reason, plan));
  }

  @Test
  void evaluate_severalEndpoints_oneVerdictEach() {
    List<Evaluation> evaluations = Stream.of(endpoint("vpce-1"),
            endpoint("vpce-2").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0")),
            endpoint("vpce-3").type(EndpointType.GATEWAY_LOAD_BALANCER))
        .map(e -> RULE.evaluate(e.build(), Snapshots.context()))
        .toList();
    assertThat(evaluations).extracting(Evaluation::resourceId, Evaluation::status).containsExactly(
        tuple("vpce-1", Status.COMPLIANT), tuple("vpce-2", Status.NON_COMPLIANT),
        tuple("vpce-3", Status.NOT_APPLICABLE));
  }

  @Test
  void rule_identity_isBroadEndpointSecurityGroupHighOnEndpoints() {
    assertThat(RULE.id()).isEqualTo(RuleId.BROAD_ENDPOINT_SECURITY_GROUP);
    assertThat(RULE.severity()).isEqualTo(Severity.HIGH);
    assertThat(RULE.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
  }
}
