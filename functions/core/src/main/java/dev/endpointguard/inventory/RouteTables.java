package dev.endpointguard.inventory;

import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * DescribeRouteTables results as the model holds them: each route's target classified
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html) and, for routes through which clients can
 * come, prefix list destinations replaced by their entries.
 */
final class RouteTables {
  static final String BLACKHOLE = "blackhole";

  private RouteTables() {
  }

  /**
   * The prefix lists whose entries are needed: the destinations of active routes to targets that bring clients. The
   * AWS-managed lists of gateway endpoint routes are never among them.
   *
   * @param gatewayEndpointIds the Gateway endpoints of the VPCs (a {@code vpce-} target that is not one of them is a
   *                           Gateway Load Balancer endpoint)
   */
  static Set<String> prefixListsToRead(Collection<RouteTable> tables, Set<String> gatewayEndpointIds) {
    Set<String> ids = new TreeSet<>();
    for (RouteTable table : tables) {
      for (Route route : table.routes()) {
        if (route.destinationPrefixListId() != null && !BLACKHOLE.equals(route.stateAsString())
            && targetOf(route, gatewayEndpointIds).bringsClients()) {
          ids.add(route.destinationPrefixListId());
        }
      }
    }
    return ids;
  }

  /** The table with its explicit subnet associations, main flag and every route. */
  static RouteTableInfo toInfo(RouteTable table, Set<String> gatewayEndpointIds,
                               Map<String, PrefixListReader.Entries> prefixLists) {
    boolean main = table.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
    List<String> subnets = table.associations().stream().map(RouteTableAssociation::subnetId)
        .filter(s -> s != null).distinct().toList();
    List<RouteEntry> routes = new ArrayList<>();
    for (Route route : table.routes()) {
      routes.add(entry(route, gatewayEndpointIds, prefixLists));
    }
    return new RouteTableInfo(table.routeTableId(), main, subnets, routes);
  }

  static RouteEntry entry(Route route, Set<String> gatewayEndpointIds, Map<String, PrefixListReader.Entries> lists) {
    RouteTarget type = targetOf(route, gatewayEndpointIds);
    String target = targetId(route);
    boolean blackhole = BLACKHOLE.equals(route.stateAsString());
    String cidr = route.destinationCidrBlock() != null ? route.destinationCidrBlock()
        : route.destinationIpv6CidrBlock();
    if (cidr != null) {
      return new RouteEntry(cidr, type, target, blackhole, List.of(cidr), Optional.empty());
    }
    String listId = route.destinationPrefixListId();
    if (listId == null) {
      return new RouteEntry("", type, target, blackhole, List.of(),
          Optional.of("DescribeRouteTables returned the route without a destination"));
    }
    PrefixListReader.Entries entries = lists.get(listId);
    if (entries == null) {
      return new RouteEntry(listId, type, target, blackhole, List.of(),
          Optional.of("not read: the route brings no clients"));
    }
    return new RouteEntry(listId, type, target, blackhole, entries.cidrs(), entries.failure());
  }

  /** The kind of target, by the field AWS set; an instance route also names the instance's interface. */
  static RouteTarget targetOf(Route r, Set<String> gatewayEndpointIds) {
    if (r.transitGatewayId() != null) {
      return RouteTarget.TRANSIT_GATEWAY;
    }
    if (r.vpcPeeringConnectionId() != null) {
      return RouteTarget.VPC_PEERING_CONNECTION;
    }
    if (r.coreNetworkArn() != null) {
      return RouteTarget.CORE_NETWORK;
    }
    if (r.gatewayId() != null) {
      return gatewayType(r.gatewayId(), gatewayEndpointIds);
    }
    if (r.natGatewayId() != null) {
      return RouteTarget.NAT_GATEWAY;
    }
    if (r.egressOnlyInternetGatewayId() != null) {
      return RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY;
    }
    if (r.carrierGatewayId() != null) {
      return RouteTarget.CARRIER_GATEWAY;
    }
    if (r.localGatewayId() != null) {
      return RouteTarget.LOCAL_GATEWAY;
    }
    if (r.instanceId() != null) {
      return RouteTarget.INSTANCE;
    }
    if (r.networkInterfaceId() != null) {
      return RouteTarget.NETWORK_INTERFACE;
    }
    if (r.odbNetworkArn() != null) {
      return RouteTarget.ODB_NETWORK;
    }
    return RouteTarget.OTHER;
  }

  /** GatewayId holds "local", an internet gateway, a virtual private gateway or a VPC endpoint. */
  private static RouteTarget gatewayType(String gatewayId, Set<String> gatewayEndpointIds) {
    if ("local".equals(gatewayId)) {
      return RouteTarget.LOCAL;
    }
    if (gatewayId.startsWith("igw-")) {
      return RouteTarget.INTERNET_GATEWAY;
    }
    if (gatewayId.startsWith("vgw-")) {
      return RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
    }
    if (gatewayId.startsWith("vpce-")) {
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html: VpcEndpointId is "supported for
      // Gateway Load Balancer endpoints only"; the routes of gateway endpoints are added by AWS.
      return gatewayEndpointIds.contains(gatewayId) ? RouteTarget.GATEWAY_ENDPOINT
          : RouteTarget.GATEWAY_LOAD_BALANCER_ENDPOINT;
    }
    return RouteTarget.OTHER;
  }

  private static String targetId(Route r) {
    for (String id : new String[] {r.transitGatewayId(), r.vpcPeeringConnectionId(), r.coreNetworkArn(),
        r.gatewayId(), r.natGatewayId(), r.egressOnlyInternetGatewayId(), r.carrierGatewayId(), r.localGatewayId(),
        r.instanceId(), r.networkInterfaceId(), r.odbNetworkArn()}) {
      if (id != null) {
        return id;
      }
    }
    return "";
  }
}
