package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.service;
import static dev.endpointguard.testing.Snapshots.summary;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.VpcDnsAttribute;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateDnsDisabledRuleTest {
  private static final PrivateDnsDisabledRule RULE = new PrivateDnsDisabledRule();
  private static final String SSM = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String S3 = "vpce-1 (" + Snapshots.S3 + ")";
  private static final String OFF = SSM + " has private DNS off although the service offers " + Snapshots.SSM_DNS;
  private static final Change ENABLE = new EnablePrivateDns("vpce-1", Snapshots.SSM_DNS);
  private static final Change SUPPORT =
      new EnableVpcDnsAttribute(Snapshots.VPC_ID, VpcDnsAttribute.ENABLE_DNS_SUPPORT);
  private static final Change HOSTNAMES =
      new EnableVpcDnsAttribute(Snapshots.VPC_ID, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);

  private static EndpointBuilder off() {
    return endpoint("vpce-1").privateDns(false);
  }

  /** A zone with the service's name whose records were not read: never a plan on what is unknown. */
  private static String zoneRecordsUnknown(String finding, String zoneId, String zoneName) {
    return finding + ", and private hosted zone " + zoneId + " (" + zoneName + ") associated with vpc-0a1 holds that"
        + " name, but its record sets could not be read, so whether it resolves the name to the endpoint is unknown;"
        + " no plan is made";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("private DNS on", endpoint("vpce-1"),
            Status.COMPLIANT, SSM + " has private DNS on for ssm.us-east-1.amazonaws.com", List.of()),
        arguments("off, VPC ready", off(),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        arguments("off, both VPC attributes off", off().vpc(vpc().dnsSupport(false).dnsHostnames(false)),
            Status.NON_COMPLIANT, OFF + "; vpc-0a1 also needs enableDnsSupport and enableDnsHostnames on",
            List.of(SUPPORT, HOSTNAMES, ENABLE)),
        arguments("off, hostnames off", off().vpc(vpc().dnsHostnames(false)),
            Status.NON_COMPLIANT, OFF + "; vpc-0a1 also needs enableDnsHostnames on", List.of(HOSTNAMES, ENABLE)),
        arguments("off, support off", off().vpc(vpc().dnsSupport(false)),
            Status.NON_COMPLIANT, OFF + "; vpc-0a1 also needs enableDnsSupport on", List.of(SUPPORT, ENABLE)),
        arguments("zone with the service's name, its records not read",
            off().vpc(vpc().dnsSupport(false).hostedZones(new HostedZoneRef("Z1", "ssm.us-east-1.amazonaws.com"))),
            Status.NON_COMPLIANT, zoneRecordsUnknown(OFF, "Z1", "ssm.us-east-1.amazonaws.com"), List.of()),
        // Issue 10 a: a VPC whose zones could not be listed got a plan that a conflicting zone would make AWS refuse.
        arguments("zones could not be listed", off().vpc(vpc().hostedZonesUnknown()),
            Status.NON_COMPLIANT, OFF + "; the private hosted zones associated with vpc-0a1 could not be listed, so"
                + " whether one holds that name is unknown and no plan is made", List.of()),
        arguments("zone for a parent domain does not conflict",
            off().vpc(vpc().hostedZones(new HostedZoneRef("Z2", "us-east-1.amazonaws.com"))),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        arguments("zone name in another case with a trailing dot",
            off().vpc(vpc().hostedZones(new HostedZoneRef("Z3", "SSM.us-east-1.amazonaws.com."))),
            Status.NON_COMPLIANT, zoneRecordsUnknown(OFF, "Z3", "SSM.us-east-1.amazonaws.com."), List.of()),
        arguments("unrelated zones, a sibling name and a suffix that is not a parent label",
            off().vpc(vpc().hostedZones(new HostedZoneRef("Z4", "corp.example.com"),
                new HostedZoneRef("Z5", "ec2.us-east-1.amazonaws.com"),
                new HostedZoneRef("Z6", "east-1.amazonaws.com"))),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        arguments("zones looked up, none associated", off().vpc(vpc().hostedZones()),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        arguments("wildcard service name against its zone",
            off().service(service(Snapshots.S3).privateDnsName("*.s3.us-east-1.amazonaws.com"))
                .vpc(vpc().hostedZones(new HostedZoneRef("Z7", "s3.us-east-1.amazonaws.com"))),
            Status.NON_COMPLIANT, zoneRecordsUnknown(S3 + " has private DNS off although the service offers"
                + " *.s3.us-east-1.amazonaws.com", "Z7", "s3.us-east-1.amazonaws.com"), List.of()),
        arguments("sibling for the service with private DNS off",
            off().vpc(vpc().endpoints(summary("vpce-2", EndpointType.INTERFACE, Snapshots.SSM, false))),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        arguments("earlier sibling for the service with private DNS off takes the plan",
            off().vpc(vpc().endpoints(summary("vpce-0", EndpointType.INTERFACE, Snapshots.SSM, false))),
            Status.NON_COMPLIANT, OFF + "; only one endpoint per service per VPC can have private DNS, and the plan"
                + " for vpce-0 turns it on there", List.of()),
        arguments("sibling for another service with private DNS on",
            off().vpc(vpc().endpoints(summary("vpce-2", EndpointType.INTERFACE, "com.amazonaws.us-east-1.ec2", true))),
            Status.NON_COMPLIANT, OFF, List.of(ENABLE)),
        // Issue 10 j: AWS takes an omitted PrivateDnsOnlyForInboundResolverEndpoint as true, which needs an S3 gateway
        // endpoint in the VPC: without one the plan must send false.
        arguments("S3 interface endpoint without a gateway endpoint: DNS option false",
            off().service(service(Snapshots.S3)),
            Status.NON_COMPLIANT, S3 + " has private DNS off although the service offers s3.us-east-1.amazonaws.com",
            List.of(EnablePrivateDns.forAllResolvers("vpce-1", "s3.us-east-1.amazonaws.com"))),
        arguments("S3 interface endpoint (wildcard name), VPC attributes off, no gateway endpoint",
            off().service(service(Snapshots.S3).privateDnsName("*.s3.us-east-1.amazonaws.com"))
                .vpc(vpc().dnsHostnames(false).endpoints(summary("vpce-d", EndpointType.GATEWAY,
                    "com.amazonaws.us-east-1.dynamodb", false))),
            Status.NON_COMPLIANT, S3 + " has private DNS off although the service offers *.s3.us-east-1.amazonaws.com;"
                + " vpc-0a1 also needs enableDnsHostnames on",
            List.of(HOSTNAMES, EnablePrivateDns.forAllResolvers("vpce-1", "*.s3.us-east-1.amazonaws.com"))),
        arguments("not Interface", endpoint("vpce-1").type(EndpointType.GATEWAY).privateDns(false),
            Status.NOT_APPLICABLE, SSM + " is a Gateway endpoint; private-dns-disabled applies to Interface"
                + " endpoints", List.of()),
        arguments("service manages its endpoints", off().service(service(Snapshots.SSM).managesEndpoints()),
            Status.NOT_APPLICABLE, SSM + ": the endpoint is managed by its service (ManagesVpcEndpoints), so its DNS"
                + " is not endpoint-guard's to change", List.of()),
        // Issue 10 f: nothing known of the service (another Region's, or a partner's): no verdict rests on guesses.
        arguments("service not described, private DNS off", off().service(service(Snapshots.SSM).unknown()),
            Status.NOT_APPLICABLE, SSM + " has private DNS off, but whether its service offers a private DNS name is"
                + " unknown: DescribeVpcEndpointServices does not describe it here", List.of()),
        arguments("service not described, private DNS on", endpoint("vpce-1").service(service(Snapshots.SSM).unknown()),
            Status.COMPLIANT, SSM + " has private DNS on", List.of()),
        // Issue 10 g: a requester-managed endpoint got a plan that the safety check then always refused.
        arguments("requester-managed endpoint: never planned", off().requesterManaged(),
            Status.NOT_APPLICABLE, SSM + ": the endpoint is requester-managed (created by an AWS service on your"
                + " behalf), so its DNS is not endpoint-guard's to change", List.of()),
        arguments("service offers no private DNS name", off().service(service(Snapshots.SSM).noPrivateDnsName()),
            Status.NOT_APPLICABLE, SSM + " is for a service that offers no private DNS name", List.of()),
        arguments("another endpoint provides private DNS",
            off().vpc(vpc().endpoints(summary("vpce-2", EndpointType.INTERFACE, Snapshots.SSM, true))),
            Status.NOT_APPLICABLE, SSM + " has private DNS off, but vpce-2 already provides private DNS for "
                + Snapshots.SSM + " in this VPC", List.of()),
        arguments("S3 interface endpoint beside an S3 gateway endpoint",
            off().service(service(Snapshots.S3))
                .vpc(vpc().endpoints(summary("vpce-g", EndpointType.GATEWAY, Snapshots.S3, false))),
            Status.NOT_APPLICABLE, S3 + " has private DNS off beside gateway endpoint vpce-g for the same service, a"
                + " supported design", List.of()),
        arguments("DynamoDB interface endpoint beside a DynamoDB gateway endpoint",
            off().service(service("com.amazonaws.us-east-1.dynamodb"))
                .vpc(vpc().endpoints(summary("vpce-g", EndpointType.GATEWAY, "com.amazonaws.us-east-1.dynamodb",
                    false))),
            Status.NOT_APPLICABLE, "vpce-1 (com.amazonaws.us-east-1.dynamodb) has private DNS off beside gateway"
                + " endpoint vpce-g for the same service, a supported design", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, EndpointBuilder endpoint, Status status,
                                                   String reason, List<Change> plan) {
    assertThat(RULE.evaluate(endpoint.build(), Snapshots.context()))
        .isEqualTo(Expected.evaluation(RULE, "vpce-1", status, reason, plan));
  }

  @Test
  void evaluate_earlierSiblingExemptFromThisRule_thisOneTakesThePlan() {
    RuleContext context = Snapshots.context()
        .withExemptions(Map.of(RuleId.PRIVATE_DNS_DISABLED, Set.of("vpce-0")));

    Evaluation e = RULE.evaluate(off().vpc(vpc().endpoints(summary("vpce-0", EndpointType.INTERFACE, Snapshots.SSM,
        false))).build(), context);

    assertThat(e).isEqualTo(Expected.evaluation(RULE, "vpce-1", Status.NON_COMPLIANT, OFF, List.of(ENABLE)));
  }

  @Test
  void evaluate_earlierSiblingExemptFromAnotherRuleOnly_stillTakesThePlan() {
    RuleContext context = Snapshots.context()
        .withExemptions(Map.of(RuleId.SINGLE_AZ_ENDPOINT, Set.of("vpce-0")));

    Evaluation e = RULE.evaluate(off().vpc(vpc().endpoints(summary("vpce-0", EndpointType.INTERFACE, Snapshots.SSM,
        false))).build(), context);

    assertThat(e.plan()).isEmpty();
    assertThat(e.reason()).endsWith("the plan for vpce-0 turns it on there");
  }

  @Test
  void evaluate_severalEndpoints_oneVerdictEach() {
    List<Evaluation> evaluations = Stream.of(endpoint("vpce-1"), endpoint("vpce-2").privateDns(false),
            endpoint("vpce-3").service(service(Snapshots.SSM).noPrivateDnsName()))
        .map(e -> RULE.evaluate(e.build(), Snapshots.context()))
        .toList();
    assertThat(evaluations).extracting(Evaluation::resourceId, Evaluation::status).containsExactly(
        tuple("vpce-1", Status.COMPLIANT), tuple("vpce-2", Status.NON_COMPLIANT),
        tuple("vpce-3", Status.NOT_APPLICABLE));
  }

  @Test
  void rule_identity_isPrivateDnsDisabledMediumOnEndpoints() {
    assertThat(RULE.id()).isEqualTo(RuleId.PRIVATE_DNS_DISABLED);
    assertThat(RULE.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(RULE.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
  }
}
