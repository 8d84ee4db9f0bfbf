package dev.endpointguard.inventory;

import static dev.endpointguard.testing.Snapshots.routeToCidr;
import static dev.endpointguard.testing.Snapshots.routeToPrefixList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * Issue 10 b: DescribeRouteTables routes as the model holds them, for the shapes the local AWS cannot produce
 * (blackhole state, propagated VPN routes, Cloud WAN, Outposts, ODB); the others are read from it in InventoryTest.
 */
class RouteTablesTest {
  private static final Set<String> GATEWAY_ENDPOINTS = Set.of("vpce-0gateway");
  private static final String CORE = "arn:aws:networkmanager::123456789012:core-network/core-network-0abc";

  private static Route.Builder to(String cidr) {
    return Route.builder().destinationCidrBlock(cidr).state(RouteState.ACTIVE).origin(RouteOrigin.CREATE_ROUTE);
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        arguments(to("10.40.0.0/16").gatewayId("local").build(), RouteTarget.LOCAL, "local"),
        arguments(to("0.0.0.0/0").gatewayId("igw-1").build(), RouteTarget.INTERNET_GATEWAY, "igw-1"),
        arguments(Route.builder().destinationIpv6CidrBlock("::/0").egressOnlyInternetGatewayId("eigw-1").build(),
            RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY, "eigw-1"),
        arguments(to("0.0.0.0/0").natGatewayId("nat-1").build(), RouteTarget.NAT_GATEWAY, "nat-1"),
        arguments(to("0.0.0.0/0").carrierGatewayId("cagw-1").build(), RouteTarget.CARRIER_GATEWAY, "cagw-1"),
        arguments(Route.builder().destinationPrefixListId("pl-63a5400a").gatewayId("vpce-0gateway").build(),
            RouteTarget.GATEWAY_ENDPOINT, "vpce-0gateway"),
        arguments(to("10.41.0.0/16").transitGatewayId("tgw-1").build(), RouteTarget.TRANSIT_GATEWAY, "tgw-1"),
        arguments(to("10.50.0.0/16").vpcPeeringConnectionId("pcx-1").build(), RouteTarget.VPC_PEERING_CONNECTION,
            "pcx-1"),
        arguments(to("192.168.0.0/16").gatewayId("vgw-1").origin(RouteOrigin.ENABLE_VGW_ROUTE_PROPAGATION).build(),
            RouteTarget.VIRTUAL_PRIVATE_GATEWAY, "vgw-1"),
        arguments(to("10.60.0.0/16").coreNetworkArn(CORE).build(), RouteTarget.CORE_NETWORK, CORE),
        arguments(to("10.70.0.0/16").instanceId("i-1").networkInterfaceId("eni-1").build(), RouteTarget.INSTANCE,
            "i-1"),
        arguments(to("10.71.0.0/16").networkInterfaceId("eni-2").build(), RouteTarget.NETWORK_INTERFACE, "eni-2"),
        arguments(to("10.72.0.0/16").localGatewayId("lgw-1").build(), RouteTarget.LOCAL_GATEWAY, "lgw-1"),
        arguments(to("10.73.0.0/16").gatewayId("vpce-0gwlb").build(), RouteTarget.GATEWAY_LOAD_BALANCER_ENDPOINT,
            "vpce-0gwlb"),
        arguments(to("10.74.0.0/16").odbNetworkArn("arn:aws:odb:us-east-1:123456789012:odb-network/odbnet-1")
            .build(), RouteTarget.ODB_NETWORK, "arn:aws:odb:us-east-1:123456789012:odb-network/odbnet-1"),
        arguments(to("10.75.0.0/16").build(), RouteTarget.OTHER, ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("targets")
  void entry_eachTargetField_classifiedWithItsId(Route route, RouteTarget type, String target) {
    RouteEntry entry = RouteTables.entry(route, GATEWAY_ENDPOINTS, Map.of());

    assertThat(entry.targetType()).isEqualTo(type);
    assertThat(entry.target()).isEqualTo(target);
  }

  @Test
  void entry_blackholeRoute_keepsItsDestinationAndSaysBlackhole() {
    RouteEntry entry = RouteTables.entry(to("10.41.0.0/16").transitGatewayId("tgw-1").state(RouteState.BLACKHOLE)
        .build(), GATEWAY_ENDPOINTS, Map.of());

    assertThat(entry).isEqualTo(new RouteEntry("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1", true,
        List.of("10.41.0.0/16"), Optional.empty()));
  }

  @Test
  void entry_ipv6Destination_isItsOwnCidr() {
    RouteEntry entry = RouteTables.entry(Route.builder().destinationIpv6CidrBlock("2600:1f18:aa:cc00::/56")
        .transitGatewayId("tgw-1").build(), GATEWAY_ENDPOINTS, Map.of());

    assertThat(entry.destinationCidrs()).containsExactly("2600:1f18:aa:cc00::/56");
  }

  @Test
  void entry_prefixList_readOrFailedOrNotNeeded() {
    Route spokes = Route.builder().destinationPrefixListId("pl-1").transitGatewayId("tgw-1").build();
    Route denied = Route.builder().destinationPrefixListId("pl-2").transitGatewayId("tgw-1").build();
    Route s3 = Route.builder().destinationPrefixListId("pl-63a5400a").gatewayId("vpce-0gateway").build();
    Map<String, PrefixListReader.Entries> lists = Map.of(
        "pl-1", new PrefixListReader.Entries(List.of("10.41.0.0/16", "10.42.0.0/16"), Optional.empty()),
        "pl-2", new PrefixListReader.Entries(List.of(), Optional.of("GetManagedPrefixListEntries failed: denied")));

    assertThat(RouteTables.entry(spokes, GATEWAY_ENDPOINTS, lists)).isEqualTo(routeToPrefixList("pl-1",
        List.of("10.41.0.0/16", "10.42.0.0/16"), RouteTarget.TRANSIT_GATEWAY, "tgw-1"));
    assertThat(RouteTables.entry(denied, GATEWAY_ENDPOINTS, lists).destinationUnknown())
        .contains("GetManagedPrefixListEntries failed: denied");
    assertThat(RouteTables.entry(s3, GATEWAY_ENDPOINTS, lists).destinationUnknown())
        .contains("not read: the route brings no clients");
  }

  @Test
  void prefixListsToRead_onlyListsOfActiveRoutesThatBringClients() {
    RouteTable table = RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1").routes(
        Route.builder().destinationPrefixListId("pl-spokes").transitGatewayId("tgw-1").build(),
        Route.builder().destinationPrefixListId("pl-onprem").gatewayId("vgw-1").build(),
        Route.builder().destinationPrefixListId("pl-spokes").vpcPeeringConnectionId("pcx-1").build(),
        Route.builder().destinationPrefixListId("pl-63a5400a").gatewayId("vpce-0gateway").build(),
        Route.builder().destinationPrefixListId("pl-gone").transitGatewayId("tgw-1").state(RouteState.BLACKHOLE)
            .build(),
        Route.builder().destinationPrefixListId("pl-egress").natGatewayId("nat-1").build()).build();

    assertThat(RouteTables.prefixListsToRead(List.of(table), GATEWAY_ENDPOINTS))
        .containsExactly("pl-onprem", "pl-spokes");
  }

  @Test
  void toInfo_mainFlagAndExplicitSubnets() {
    RouteTable table = RouteTable.builder().routeTableId("rtb-1").vpcId("vpc-1")
        .associations(RouteTableAssociation.builder().main(true).build(),
            RouteTableAssociation.builder().main(false).subnetId("subnet-a").build(),
            RouteTableAssociation.builder().main(false).gatewayId("igw-1").build())
        .routes(to("10.41.0.0/16").transitGatewayId("tgw-1").build()).build();

    assertThat(RouteTables.toInfo(table, GATEWAY_ENDPOINTS, Map.of())).isEqualTo(new RouteTableInfo("rtb-1", true,
        List.of("subnet-a"), List.of(routeToCidr("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, "tgw-1"))));
  }
}
