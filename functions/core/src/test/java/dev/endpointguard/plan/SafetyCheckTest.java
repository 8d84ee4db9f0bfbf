package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static dev.endpointguard.testing.Snapshots.routeToCidr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import dev.endpointguard.testing.Plans;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SafetyCheckTest {
  static final String NARROWED = PolicySamples.NARROWED;
  static final SafetyCheck CHECK = PolicySamples.safetyCheck();

  private static Arguments unsafe(String name, Consumer<EstateFixture> estate, List<Change> plan, String why) {
    return Arguments.of(name, estate, plan, Optional.of(why));
  }

  private static Arguments safe(String name, Consumer<EstateFixture> estate, List<Change> plan) {
    return Arguments.of(name, estate, plan, Optional.empty());
  }

  private static AddSubnets add(String subnet, String az) {
    return Plans.addSubnets(ENDPOINT, List.of(subnet), List.of(az));
  }

  private static EnableVpcDnsAttribute support() {
    return new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_SUPPORT);
  }

  private static EnableVpcDnsAttribute hostnames() {
    return new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);
  }

  private static EnablePrivateDns privateDns() {
    return new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com");
  }

  private static final RequireAcceptance ACCEPTANCE = new RequireAcceptance(EstateFixture.ENDPOINT_SERVICE,
      "us-east-1", List.of("*"));

  private static ReplaceIngressSource replace(String old, String... sources) {
    return Plans.replaceIngressSource(GROUP, "tcp", 443, 443, old, List.of(sources));
  }

  /** The VPC's main route table with these routes. */
  private static Optional<List<RouteTableInfo>> main(RouteEntry... routes) {
    return Optional.of(List.of(new RouteTableInfo("rtb-main", true, List.of(), List.of(routes))));
  }

  static Stream<Arguments> plans() {
    Consumer<EstateFixture> asIs = f -> { };
    Consumer<EstateFixture> spoke = f -> f.routeTables = main(
        routeToCidr("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1"),
        routeToCidr("0.0.0.0/0", RouteTarget.NAT_GATEWAY, "nat-1"));
    Consumer<EstateFixture> dnsOff = f -> {
      f.dnsSupport = false;
      f.dnsHostnames = false;
    };
    return Stream.of(
        safe("empty plan", asIs, List.of()),
        safe("two new private AZs", asIs, List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-b", "subnet-c"),
            List.of("use1-az2", "use1-az3")))),
        unsafe("public subnet", asIs, List.of(add("subnet-pub", "use1-az3")), "subnet-pub is public"),
        unsafe("subnet of another VPC", asIs, List.of(add("subnet-x", "use1-az2")),
            "subnet-x is not a subnet of the endpoint's VPC vpc-1"),
        unsafe("unknown subnet", asIs, List.of(add("subnet-zzz", "use1-az2")), "subnet-zzz is not a subnet"),
        unsafe("AZ already covered", asIs, List.of(add("subnet-a", "use1-az1")),
            "the endpoint already covers AZ use1-az1"),
        unsafe("AZ the service does not offer", asIs, List.of(add("subnet-d", "use1-az4")),
            "the service is not offered in AZ use1-az4"),
        unsafe("AZ id that is not the subnet's", asIs, List.of(add("subnet-b", "use1-az3")),
            "subnet-b is in AZ use1-az2, not use1-az3"),
        unsafe("two subnets in one AZ", f -> f.subnets.add(EstateFixture.subnet("subnet-b2", "use1-az2", false)),
            List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-b", "subnet-b2"), List.of("use1-az2", "use1-az2"))),
            "more than one subnet in AZ use1-az2"),
        unsafe("subnets on a Gateway endpoint", f -> f.type = EndpointType.GATEWAY,
            List.of(add("subnet-b", "use1-az2")), "only Interface endpoints take subnets"),
        unsafe("endpoint not in the estate", asIs, List.of(Plans.addSubnets("vpce-other", List.of("subnet-b"),
            List.of("use1-az2"))), "the endpoint is not in the evaluated estate"),
        unsafe("service-managed endpoint", f -> f.managesVpcEndpoints = true, List.of(add("subnet-b", "use1-az2")),
            "managed by its service"),
        unsafe("requester-managed endpoint", f -> f.requesterManaged = true, List.of(privateDns()),
            "requester-managed"),
        safe("private DNS with attributes on", asIs, List.of(privateDns())),
        safe("attributes in order then private DNS", dnsOff, List.of(support(), hostnames(), privateDns())),
        unsafe("hostnames before support", dnsOff, List.of(hostnames(), support(), privateDns()),
            "enableDnsHostnames before enableDnsSupport is on"),
        safe("hostnames alone when support is on", f -> f.dnsHostnames = false, List.of(hostnames())),
        unsafe("private DNS with hostnames off and not planned", f -> f.dnsHostnames = false, List.of(privateDns()),
            "enableDnsHostnames of vpc-1 is off and not turned on before"),
        unsafe("private DNS before the attributes", dnsOff, List.of(privateDns(), support(), hostnames()),
            "enableDnsSupport of vpc-1 is off"),
        unsafe("private DNS for a service without a name", f -> f.privateDnsName = Optional.empty(),
            List.of(privateDns()), "the service offers no private DNS name"),
        unsafe("attribute of a VPC not in the estate", asIs,
            List.of(new EnableVpcDnsAttribute("vpc-9", VpcDnsAttribute.ENABLE_DNS_SUPPORT)),
            "the VPC is not in the evaluated estate"),
        safe("policy narrowed from the current one", asIs,
            List.of(Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, NARROWED))),
        safe("previous policy differs only in formatting", asIs,
            List.of(Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY.replace(",", ",\n  "), NARROWED))),
        unsafe("policy changed since evaluated", f -> f.policy = NARROWED,
            List.of(Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, NARROWED)),
            "the policy changed since evaluated"),
        unsafe("policy widened", f -> f.policy = NARROWED,
            List.of(Plans.narrowPolicy(ENDPOINT, NARROWED, EstateFixture.DEFAULT_POLICY)), "the new policy is wider"),
        unsafe("policy bound to another account", f -> f.policy = NARROWED,
            List.of(Plans.narrowPolicy(ENDPOINT, NARROWED, NARROWED.replace("123456789012", "210987654321"))),
            "the new policy is wider"),
        unsafe("policy with an extra Allow statement", f -> f.policy = NARROWED,
            List.of(Plans.narrowPolicy(ENDPOINT, NARROWED, NARROWED.replace("}}}]}", "}}},{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"))),
            "the new policy is wider"),
        unsafe("policy on a service without policies", f -> f.policySupported = false,
            List.of(Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, NARROWED)),
            "the service does not support endpoint policies"),
        safe("IPv4 world replaced by the VPC", asIs, List.of(replace("0.0.0.0/0", "10.0.0.0/16"))),
        safe("IPv6 world replaced by the VPC", asIs, List.of(replace("::/0", "2600:1f18:1234:5600::/56"))),
        safe("IPv6 world revoked in a VPC without IPv6", f -> f.ipv6Cidrs = List.of(), List.of(replace("::/0"))),
        unsafe("new source as wide as the old", asIs, List.of(replace("0.0.0.0/0", "10.0.0.0/16", "0.0.0.0/0")),
            "the new source 0.0.0.0/0 is not narrower than 0.0.0.0/0"),
        unsafe("new source of the other family", asIs, List.of(replace("0.0.0.0/0", "2600:1f18::/56")),
            "not of the old source's address family"),
        unsafe("new source a security group", asIs, List.of(replace("0.0.0.0/0", "sg-9")),
            "the new source sg-9 is not a CIDR block"),
        unsafe("old source not world-open", f -> f.ingress = List.of(new IngressRule(GROUP, "tcp", 443, 443,
            "10.0.0.0/8")), List.of(replace("10.0.0.0/8", "10.0.0.0/16")), "is not 0.0.0.0/0 or ::/0"),
        unsafe("old rule not in the group", asIs,
            List.of(Plans.replaceIngressSource(GROUP, "tcp", 22, 22, "0.0.0.0/0", List.of("10.0.0.0/16"))),
            "the group has no rule tcp 22 from 0.0.0.0/0"),
        unsafe("group shared with an instance", f -> f.groupOtherUsers = List.of("eni-1 (instance i-1)"),
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")), "not known to be used by VPC endpoints alone"),
        unsafe("group usage never checked", f -> f.groupUsageChecked = false,
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")), "not known to be used by VPC endpoints alone"),
        unsafe("group on a service-managed endpoint", f -> f.managesVpcEndpoints = true,
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")), "the group is on an endpoint managed by its service"),
        unsafe("group not on an endpoint", asIs,
            List.of(Plans.replaceIngressSource("sg-9", "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"))),
            "the security group is on no endpoint of the evaluated estate"),
        safe("Issue 10 b: the VPC and the spoke routed to the transit gateway kept", spoke,
            List.of(replace("0.0.0.0/0", "10.0.0.0/16", "10.41.0.0/16"))),
        safe("Issue 10 b: one block holding the VPC and the spoke", spoke, List.of(replace("0.0.0.0/0", "10.0.0.0/8"))),
        unsafe("Issue 10 b: a plan that cuts the spoke off", spoke, List.of(replace("0.0.0.0/0", "10.0.0.0/16")),
            "the new sources leave out 10.41.0.0/16 (routed to tgw-1 by rtb-main), which can reach the group's"
                + " endpoint interfaces"),
        unsafe("Issue 10 b: a plan that keeps the spoke but not the VPC", spoke,
            List.of(replace("0.0.0.0/0", "10.41.0.0/16")),
            "the new sources leave out 10.0.0.0/16 (CIDR block of vpc-1)"),
        unsafe("Issue 10 b: a plan that keeps only half of the spoke", spoke,
            List.of(replace("0.0.0.0/0", "10.0.0.0/16", "10.41.0.0/17")),
            "the new sources leave out 10.41.0.0/16 (routed to tgw-1 by rtb-main)"),
        unsafe("Issue 10 b: another endpoint's subnet routes a peer the plan leaves out",
            f -> {
              f.groupEndpointSubnetIds = List.of("subnet-a", "subnet-c");
              f.routeTables = Optional.of(List.of(new RouteTableInfo("rtb-main", true, List.of(), List.of()),
                  new RouteTableInfo("rtb-c", false, List.of("subnet-c"),
                      List.of(routeToCidr("10.42.0.0/16", RouteTarget.VPC_PEERING_CONNECTION, "pcx-1")))));
            },
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")),
            "the new sources leave out 10.42.0.0/16 (routed to pcx-1 by rtb-c)"),
        unsafe("Issue 10 b: an IPv6 spoke left out", f -> f.routeTables = main(
                routeToCidr("2600:1f18:1234:7700::/56", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            List.of(replace("::/0", "2600:1f18:1234:5600::/56")),
            "the new sources leave out 2600:1f18:1234:7700::/56 (routed to tgw-1 by rtb-main)"),
        unsafe("Issue 10 b: a default route to the transit gateway makes every narrowing unprovable",
            f -> f.routeTables = main(routeToCidr("0.0.0.0/0", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")),
            "the networks that can reach the group's endpoint interfaces cannot be known: route 0.0.0.0/0 → tgw-1"
                + " in rtb-main covers more than private address space"),
        unsafe("Issue 10 b: route tables not read", f -> f.routeTables = Optional.empty(),
            List.of(replace("0.0.0.0/0", "10.0.0.0/16")),
            "cannot be known: the route tables of vpc-1 were not read"),
        safe("Issue 10 b: an internet gateway default route brings no clients",
            f -> f.routeTables = main(routeToCidr("0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, "igw-1")),
            List.of(replace("0.0.0.0/0", "10.0.0.0/16"))),
        safe("Issue 12: requiring acceptance on an offered service open to *",
            f -> f.endpointServices = List.of(Snapshots.endpointService(EstateFixture.ENDPOINT_SERVICE)
                .principals("*").build()), List.of(ACCEPTANCE)),
        unsafe("Issue 12: requiring acceptance on a service not in the estate", asIs, List.of(ACCEPTANCE),
            "RequireAcceptance on vpce-svc-0123456789abcdef0: the endpoint service is not in the evaluated estate"),
        unsafe("Issue 12: requiring acceptance on a service whose endpoints an AWS service manages",
            f -> f.endpointServices = List.of(Snapshots.endpointService(EstateFixture.ENDPOINT_SERVICE)
                .principals("*").managesVpcEndpoints(true).build()), List.of(ACCEPTANCE),
            "the endpoint service's endpoints are managed by an AWS service (ManagesVpcEndpoints)"),
        unsafe("Issue 12: requiring acceptance on a service whose principals were not read",
            f -> f.endpointServices = List.of(Snapshots.endpointService(EstateFixture.ENDPOINT_SERVICE)
                .principalsUnreadable("AccessDenied").build()), List.of(ACCEPTANCE),
            "the endpoint service's allowed principals could not be read"),
        unsafe("a bad change after good ones", asIs, List.of(add("subnet-b", "use1-az2"), privateDns(),
            add("subnet-pub", "use1-az3")), "AddSubnets on vpce-1: subnet-pub is public"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void violation_plan_matchesExpectation(String name, Consumer<EstateFixture> setup, List<Change> plan,
                                         Optional<String> expected) {
    EstateFixture fixture = new EstateFixture();
    setup.accept(fixture);

    Optional<String> violation = CHECK.violation(plan, fixture.estate());

    if (expected.isEmpty()) {
      assertThat(violation).isEmpty();
    } else {
      assertThat(violation).hasValueSatisfying(v -> assertThat(v).contains(expected.get()));
    }
  }

  @Test
  void violation_namesTheChangeKindAndTarget() {
    Optional<String> violation = CHECK.violation(List.of(add("subnet-pub", "use1-az3")),
        new EstateFixture().estate());

    assertThat(violation).hasValue("AddSubnets on vpce-1: subnet-pub is public (routes to an internet gateway)");
  }
}
