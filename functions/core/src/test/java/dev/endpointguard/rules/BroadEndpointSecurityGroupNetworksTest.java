package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.group;
import static dev.endpointguard.testing.Snapshots.routeTable;
import static dev.endpointguard.testing.Snapshots.subnet;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.RouteTarget;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ReplaceIngressSource;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import dev.endpointguard.testing.Snapshots.RouteTableBuilder;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 b: the security-group fix keeps every network that can reach the endpoint: the VPC's CIDR blocks and what
 * the endpoint subnets' route tables send to transit gateways, peering, VPN, Cloud WAN and appliances. A hub VPC
 * 10.40.0.0/16 (AWS's centralized interface endpoints) whose spokes come over a transit gateway.
 */
class BroadEndpointSecurityGroupNetworksTest {
  private static final BroadEndpointSecurityGroupRule RULE = new BroadEndpointSecurityGroupRule();
  private static final String HUB = "10.40.0.0/16";
  private static final String HUB_V6 = "2600:1f18:aa:bb00::/56";
  private static final String LABEL = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String OPEN_443 = LABEL + " admits the internet: sg-1 allows tcp 443 from 0.0.0.0/0";
  private static final String OPEN_443_V6 = LABEL + " admits the internet: sg-1 allows tcp 443 from ::/0";
  private static final String CANNOT_KNOW = ", so the endpoint's clients cannot be known and no plan is made";
  private static final String CORE_NETWORK = "arn:aws:networkmanager::123456789012:core-network/core-network-0abc";

  /** The hub endpoint in subnet-a and subnet-b, HTTPS open to the IPv4 internet, the VPC's route tables given. */
  private static EndpointBuilder hub(RouteTableBuilder... tables) {
    return endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"), subnet("subnet-b", "use1-az2"))
        .groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0"))
        .vpc(vpc().cidrs(List.of(HUB), List.of(HUB_V6)).routeTables(tables));
  }

  private static EndpointBuilder hubV6(RouteTableBuilder... tables) {
    return endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
        .groups(group("sg-1").allow("tcp", 443, 443, "::/0"))
        .vpc(vpc().cidrs(List.of(HUB), List.of(HUB_V6)).routeTables(tables));
  }

  /** tcp 443 from {@code old} replaced by {@code sourceThenOrigin}: source, origin, source, origin, … */
  private static ReplaceIngressSource https(String old, String... sourceThenOrigin) {
    Map<String, String> origins = new LinkedHashMap<>();
    for (int i = 0; i < sourceThenOrigin.length; i += 2) {
      origins.put(sourceThenOrigin[i], sourceThenOrigin[i + 1]);
    }
    return new ReplaceIngressSource("sg-1", "tcp", 443, 443, old, List.copyOf(origins.keySet()), origins);
  }

  private static String narrowed(String... routedTo) {
    return "; each such source would be narrowed to the CIDR blocks of vpc-0a1"
        + (routedTo.length == 0 ? "" : " and the networks its endpoint subnets route to " + String.join(", ", routedTo));
  }

  private static final String OWN = "CIDR block of vpc-0a1";

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("spokes over a transit gateway, main route table",
            hub(routeTable("rtb-main").main().route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")
                .route("10.42.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-main",
                "10.42.0.0/16", "routed to tgw-1 by rtb-main"))),
        arguments("a peered VPC",
            hub(routeTable("rtb-main").main().route("10.50.0.0/16", RouteTarget.VPC_PEERING_CONNECTION, "pcx-1")),
            OPEN_443 + narrowed("pcx-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.50.0.0/16", "routed to pcx-1 by rtb-main"))),
        arguments("on premises over VPN or Direct Connect (a virtual private gateway, static or propagated)",
            hub(routeTable("rtb-main").main().route("192.168.0.0/16", RouteTarget.VIRTUAL_PRIVATE_GATEWAY, "vgw-1")),
            OPEN_443 + narrowed("vgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "192.168.0.0/16", "routed to vgw-1 by rtb-main"))),
        arguments("a Cloud WAN core network",
            hub(routeTable("rtb-main").main().route("10.60.0.0/16", RouteTarget.CORE_NETWORK, CORE_NETWORK)),
            OPEN_443 + narrowed(CORE_NETWORK),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.60.0.0/16", "routed to " + CORE_NETWORK + " by rtb-main"))),
        arguments("a prefix list routed to the transit gateway, each entry kept",
            hub(routeTable("rtb-main").main().prefixListRoute("pl-1", List.of("10.41.0.0/16", "172.16.0.0/12"),
                RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "in prefix list pl-1 routed to tgw-1 by rtb-main",
                "172.16.0.0/12", "in prefix list pl-1 routed to tgw-1 by rtb-main"))),
        arguments("RFC 6598 shared space is private",
            hub(routeTable("rtb-main").main().route("100.64.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "100.64.0.0/16", "routed to tgw-1 by rtb-main"))),
        arguments("a routed block holding the VPC's own block: only the outer one is kept",
            hub(routeTable("rtb-main").main().route("10.0.0.0/8", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", "10.0.0.0/8", "routed to tgw-1 by rtb-main"))),
        arguments("a route inside the VPC to an appliance adds nothing",
            hub(routeTable("rtb-main").main().route("10.40.5.0/24", RouteTarget.NETWORK_INTERFACE, "eni-1")),
            OPEN_443 + narrowed(),
            List.of(https("0.0.0.0/0", HUB, OWN))),
        arguments("a blackhole route is not a path",
            hub(routeTable("rtb-main").main().blackhole("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed(),
            List.of(https("0.0.0.0/0", HUB, OWN))),
        arguments("the explicitly associated table counts, not the main one",
            hub(routeTable("rtb-main").main().route("10.99.0.0/16", RouteTarget.VPC_PEERING_CONNECTION, "pcx-9"),
                routeTable("rtb-hub").associatedWith("subnet-a", "subnet-b")
                    .route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-hub"))),
        arguments("one endpoint subnet on its own table, the other on the main one: both tables count",
            hub(routeTable("rtb-main").main().route("10.99.0.0/16", RouteTarget.VPC_PEERING_CONNECTION, "pcx-9"),
                routeTable("rtb-hub").associatedWith("subnet-a")
                    .route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1", "pcx-9"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-hub",
                "10.99.0.0/16", "routed to pcx-9 by rtb-main"))),
        arguments("the same spoke routed by two tables is kept once",
            hub(routeTable("rtb-a").associatedWith("subnet-a").route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY,
                    "tgw-1"),
                routeTable("rtb-b").associatedWith("subnet-b").route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY,
                    "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-a"))),
        arguments("IPv6: the VPC's block and an IPv6 spoke, IPv4 routes left to IPv4 rules",
            hubV6(routeTable("rtb-main").main().route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")
                .route("2600:1f18:aa:cc00::/56", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443_V6 + narrowed("tgw-1"),
            List.of(https("::/0", HUB_V6, OWN, "2600:1f18:aa:cc00::/56", "routed to tgw-1 by rtb-main"))),
        arguments("IPv6: unique local addresses are private",
            hubV6(routeTable("rtb-main").main().route("fd00::/8", RouteTarget.VIRTUAL_PRIVATE_GATEWAY, "vgw-1")),
            OPEN_443_V6 + narrowed("vgw-1"),
            List.of(https("::/0", HUB_V6, OWN, "fd00::/8", "routed to vgw-1 by rtb-main"))),
        arguments("IPv6: an organization's /32 is one network",
            hubV6(routeTable("rtb-main").main().route("2001:db8::/32", RouteTarget.VIRTUAL_PRIVATE_GATEWAY, "vgw-1")),
            OPEN_443_V6 + narrowed("vgw-1"),
            List.of(https("::/0", HUB_V6, OWN, "2001:db8::/32", "routed to vgw-1 by rtb-main"))),
        arguments("an IPv6 default route does not hide an IPv4 rule's clients",
            hub(routeTable("rtb-main").main().route("::/0", RouteTarget.TRANSIT_GATEWAY, "tgw-1")
                .route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + narrowed("tgw-1"),
            List.of(https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-main"))),
        arguments("0.0.0.0/0 to the transit gateway: clients unknown",
            hub(routeTable("rtb-main").main().route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")
                .route("0.0.0.0/0", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + "; route 0.0.0.0/0 → tgw-1 in rtb-main covers more than private address space" + CANNOT_KNOW,
            List.of()),
        arguments("a public block to the transit gateway: clients unknown",
            hub(routeTable("rtb-main").main().route("203.0.113.0/24", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + "; route 203.0.113.0/24 → tgw-1 in rtb-main covers more than private address space"
                + CANNOT_KNOW, List.of()),
        arguments("a prefix list holding 0.0.0.0/0: clients unknown",
            hub(routeTable("rtb-main").main().prefixListRoute("pl-1", List.of("10.41.0.0/16", "0.0.0.0/0"),
                RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443 + "; route pl-1 → tgw-1 in rtb-main covers more than private address space (entry 0.0.0.0/0)"
                + CANNOT_KNOW, List.of()),
        arguments("a prefix list that could not be read: clients unknown",
            hub(routeTable("rtb-main").main().unreadablePrefixListRoute("pl-1", RouteTarget.TRANSIT_GATEWAY,
                "tgw-1", "GetManagedPrefixListEntries failed: UnauthorizedOperation")),
            OPEN_443 + "; the entries of prefix list pl-1, routed to tgw-1 by rtb-main, are unknown"
                + " (GetManagedPrefixListEntries failed: UnauthorizedOperation)" + CANNOT_KNOW, List.of()),
        arguments("IPv6 ::/0 to the transit gateway: clients unknown",
            hubV6(routeTable("rtb-main").main().route("::/0", RouteTarget.TRANSIT_GATEWAY, "tgw-1")),
            OPEN_443_V6 + "; route ::/0 → tgw-1 in rtb-main covers more than private address space" + CANNOT_KNOW,
            List.of()),
        arguments("IPv6 2000::/3 (all global unicast) over VPN: clients unknown",
            hubV6(routeTable("rtb-main").main().route("2000::/3", RouteTarget.VIRTUAL_PRIVATE_GATEWAY, "vgw-1")),
            OPEN_443_V6 + "; route 2000::/3 → vgw-1 in rtb-main covers more than private address space"
                + CANNOT_KNOW, List.of()),
        arguments("the group is also used by an endpoint interface in another VPC: clients unknown",
            endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
                .groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0")
                    .endpointInterfacesIn("subnet-a", "subnet-elsewhere"))
                .vpc(vpc().cidrs(List.of(HUB), List.of()).routeTables(routeTable("rtb-main").main())),
            OPEN_443 + "; subnet-elsewhere (an endpoint interface using the group) is not a subnet of vpc-0a1"
                + CANNOT_KNOW, List.of()),
        arguments("route tables not read: clients unknown",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0"))
                .vpc(vpc().routeTablesNotRead()),
            OPEN_443 + "; the route tables of vpc-0a1 were not read" + CANNOT_KNOW, List.of()),
        arguments("a shared open group still blocks before routes are looked at",
            endpoint("vpce-1").groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0").usedBy("eni-9 (lambda)"))
                .vpc(vpc().routeTables(routeTable("rtb-main").main().route("0.0.0.0/0",
                    RouteTarget.TRANSIT_GATEWAY, "tgw-1"))),
            OPEN_443 + "; sg-1 is also used by eni-9 (lambda), so no plan is made", List.of()));
  }

  @ParameterizedTest(name = "Issue 10 b: {0}")
  @MethodSource("cases")
  void evaluate_routedNetworks_givesExactReasonAndPlan(String name, EndpointBuilder endpoint, String reason,
                                                        List<Change> plan) {
    assertThat(RULE.evaluate(endpoint.build(), Snapshots.context()))
        .isEqualTo(Expected.evaluation(RULE, "vpce-1", Status.NON_COMPLIANT, reason, plan));
  }

  /** Targets through which no client can reach a private interface: even 0.0.0.0/0 to them leaves the VPC alone. */
  @ParameterizedTest(name = "Issue 10 b: 0.0.0.0/0 → {0} brings no clients")
  @EnumSource(value = RouteTarget.class, names = {"LOCAL", "INTERNET_GATEWAY", "EGRESS_ONLY_INTERNET_GATEWAY",
      "NAT_GATEWAY", "CARRIER_GATEWAY", "GATEWAY_ENDPOINT"})
  void evaluate_defaultRouteToTargetWithoutClients_narrowsToTheVpc(RouteTarget target) {
    Evaluation e = RULE.evaluate(hub(routeTable("rtb-main").main().route("0.0.0.0/0", target, "x-1")
        .prefixListRoute("pl-63a5400a", List.of("52.216.0.0/15"), target, "x-1")).build(), Snapshots.context());

    assertThat(e.reason()).isEqualTo(OPEN_443 + narrowed());
    assertThat(e.plan()).containsExactly(https("0.0.0.0/0", HUB, OWN));
  }

  /** Every other target may carry clients both ways: 0.0.0.0/0 to any of them makes the clients unknown. */
  @ParameterizedTest(name = "Issue 10 b: 0.0.0.0/0 → {0} makes the clients unknown")
  @EnumSource(value = RouteTarget.class, mode = EnumSource.Mode.EXCLUDE, names = {"LOCAL", "INTERNET_GATEWAY",
      "EGRESS_ONLY_INTERNET_GATEWAY", "NAT_GATEWAY", "CARRIER_GATEWAY", "GATEWAY_ENDPOINT"})
  void evaluate_defaultRouteToTargetWithClients_hasNoPlan(RouteTarget target) {
    Evaluation e = RULE.evaluate(hub(routeTable("rtb-main").main().route("0.0.0.0/0", target, "x-1")).build(),
        Snapshots.context());

    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.plan()).isEmpty();
    assertThat(e.reason()).isEqualTo(OPEN_443 + "; route 0.0.0.0/0 → x-1 in rtb-main covers more than private"
        + " address space" + CANNOT_KNOW);
  }

  @Test
  void routeTargets_thoseWithoutClientsAreExactlyTheOutboundOnesAndTheVpcItself() {
    assertThat(EnumSet.allOf(RouteTarget.class).stream().filter(t -> !t.bringsClients()).toList())
        .containsExactlyInAnyOrder(RouteTarget.LOCAL, RouteTarget.INTERNET_GATEWAY,
            RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY, RouteTarget.NAT_GATEWAY, RouteTarget.CARRIER_GATEWAY,
            RouteTarget.GATEWAY_ENDPOINT);
  }

  /**
   * Two endpoints in different subnets share one group: each plan keeps the networks of both, so the plans are equal
   * and whichever runs second finds its change already in effect.
   */
  @Test
  void evaluate_groupSharedByEndpointsInDifferentSubnets_bothPlansKeepBothEndpointsNetworks() {
    RouteTableBuilder[] tables = {
        routeTable("rtb-main").main(),
        routeTable("rtb-a").associatedWith("subnet-a").route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1"),
        routeTable("rtb-c").associatedWith("subnet-c").route("10.42.0.0/16", RouteTarget.VPC_PEERING_CONNECTION,
            "pcx-1")};
    EndpointBuilder first = endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1"))
        .groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0").endpointInterfacesIn("subnet-a", "subnet-c"))
        .vpc(vpc().cidrs(List.of(HUB), List.of()).subnets(subnet("subnet-c", "use1-az3")).routeTables(tables));
    EndpointBuilder second = endpoint("vpce-2").subnets(subnet("subnet-c", "use1-az3"))
        .groups(group("sg-1").allow("tcp", 443, 443, "0.0.0.0/0").endpointInterfacesIn("subnet-a", "subnet-c"))
        .vpc(vpc().cidrs(List.of(HUB), List.of()).subnets(subnet("subnet-a", "use1-az1")).routeTables(tables));

    Evaluation one = RULE.evaluate(first.build(), Snapshots.context());
    Evaluation two = RULE.evaluate(second.build(), Snapshots.context());

    ReplaceIngressSource expected = https("0.0.0.0/0", HUB, OWN, "10.41.0.0/16", "routed to tgw-1 by rtb-a",
        "10.42.0.0/16", "routed to pcx-1 by rtb-c");
    assertThat(one.plan()).containsExactly(expected);
    assertThat(two.plan()).containsExactly(expected);
  }

  @Test
  void impact_spokesOverTransitGateway_namesWhatIsLostAndEveryKeptNetworkWithItsOrigin() {
    Evaluation e = RULE.evaluate(hub(routeTable("rtb-main").main()
        .route("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")
        .route("10.42.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1")).build(), Snapshots.context());

    assertThat(e.plan()).singleElement().extracting(Change::impact).isEqualTo("tcp 443 through sg-1 is lost by every"
        + " IPv4 source outside 10.40.0.0/16, 10.41.0.0/16, 10.42.0.0/16; kept: 10.40.0.0/16 (CIDR block of vpc-0a1),"
        + " 10.41.0.0/16 (routed to tgw-1 by rtb-main), 10.42.0.0/16 (routed to tgw-1 by rtb-main)");
  }
}
