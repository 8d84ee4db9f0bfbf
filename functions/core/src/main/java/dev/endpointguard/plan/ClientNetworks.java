package dev.endpointguard.plan;

import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.VpcSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The networks whose clients can reach network interfaces in some subnets of a VPC: the VPC's own CIDR blocks, and the
 * destinations that those subnets' route tables send to a target that carries traffic both ways between networks
 * ({@link dev.endpointguard.model.RouteTarget#bringsClients()}: transit gateway, peering connection, virtual private
 * gateway, Cloud WAN core network, appliance, …), prefix lists expanded. An interface can answer a client only through
 * its subnet's route table, so these are the networks the estate shows can use it. Both the broad-endpoint-security-group
 * rule (to plan) and the {@link SafetyCheck} (to prove a plan keeps them) ask this class. Pure.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 */
public final class ClientNetworks {
  /**
   * Private IPv4 space: RFC 1918 and the RFC 6598 shared space, the ranges the VPC user guide names for VPC CIDR blocks
   * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
   */
  static final List<Cidr> PRIVATE_IPV4 = List.of(cidr("10.0.0.0/8"), cidr("172.16.0.0/12"),
      cidr("192.168.0.0/16"), cidr("100.64.0.0/10"));
  /** IPv6 unique local addresses (RFC 4193), IPv6's only private space. */
  static final Cidr UNIQUE_LOCAL_IPV6 = cidr("fc00::/7");
  /**
   * A global IPv6 block shorter than this covers more than one organization's addresses, i.e. the internet. VPC IPv6
   * blocks are global (Amazon's /56, https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html, or a range
   * registered to your organization with a regional internet registry,
   * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-byoip.html#byoip-requirements), and /32 is the usual
   * registry allocation to one organization: a route to an organization's or a VPC's IPv6 networks is /32 or longer.
   */
  static final int ORGANIZATION_IPV6_PREFIX = 32;

  /**
   * A network that can reach the interfaces, and why.
   *
   * @param origin   "CIDR block of vpc-…", "routed to tgw-… by rtb-…", "in prefix list pl-… routed to pcx-… by rtb-…"
   * @param routedTo the route's target when the network comes from a route; empty for the VPC's own blocks
   */
  public record Network(String cidr, String origin, Optional<String> routedTo) {
  }

  /** The networks, or why they cannot be known. */
  public sealed interface Result permits Known, Unknown {
  }

  /** Every network of the asked family that can reach the interfaces, none inside another, in a stable order. */
  public record Known(List<Network> networks) implements Result {
    public Known {
      networks = List.copyOf(networks);
    }

    public List<String> cidrs() {
      return networks.stream().map(Network::cidr).toList();
    }

    /** CIDR → origin, in order, as {@link ReplaceIngressSource#sourceOrigins()} holds them. */
    public Map<String, String> origins() {
      Map<String, String> origins = new LinkedHashMap<>();
      networks.forEach(n -> origins.put(n.cidr(), n.origin()));
      return origins;
    }
  }

  /**
   * The clients cannot be known.
   *
   * @param why names the route or the missing fact: "route 0.0.0.0/0 → tgw-… in rtb-… covers more than private
   *            address space"
   */
  public record Unknown(String why) implements Result {
  }

  private ClientNetworks() {
  }

  /**
   * The networks of one address family that can reach interfaces in {@code subnetIds} of {@code vpc}.
   *
   * @param ipv6 IPv6 networks when true, else IPv4
   */
  public static Result reaching(VpcSnapshot vpc, Collection<String> subnetIds, boolean ipv6) {
    List<Network> found = new ArrayList<>();
    for (String block : ipv6 ? vpc.vpc().ipv6Cidrs() : vpc.vpc().ipv4Cidrs()) {
      if (Cidr.parse(block).isEmpty()) {
        return new Unknown("the CIDR block " + block + " of " + vpc.vpcId() + " could not be parsed");
      }
      found.add(new Network(block, "CIDR block of " + vpc.vpcId(), Optional.empty()));
    }
    if (vpc.routeTables().isEmpty()) {
      return new Unknown("the route tables of " + vpc.vpcId() + " were not read");
    }
    List<RouteTableInfo> tables = new ArrayList<>();
    for (String subnetId : new TreeSet<>(subnetIds)) {
      // A group associated with several VPCs can be used by interfaces elsewhere, whose networks were not read.
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateSecurityGroupVpc.html
      if (vpc.subnets().stream().noneMatch(s -> s.subnetId().equals(subnetId))) {
        return new Unknown(subnetId + " (an endpoint interface using the group) is not a subnet of " + vpc.vpcId());
      }
      Optional<RouteTableInfo> table = vpc.routeTableOf(subnetId);
      if (table.isEmpty()) {
        return new Unknown(subnetId + " has no route table (no explicit association and no main route table of "
            + vpc.vpcId() + " was read)");
      }
      if (tables.stream().noneMatch(t -> t.routeTableId().equals(table.get().routeTableId()))) {
        tables.add(table.get());
      }
    }
    for (RouteTableInfo table : tables) {
      for (RouteEntry route : table.routes()) {
        Optional<String> unknown = addRouted(route, table.routeTableId(), ipv6, found);
        if (unknown.isPresent()) {
          return new Unknown(unknown.get());
        }
      }
    }
    return new Known(outermost(found));
  }

  /** Adds the route's networks of the family; says why the clients cannot be known when the route makes it so. */
  private static Optional<String> addRouted(RouteEntry route, String tableId, boolean ipv6, List<Network> found) {
    // A blackhole route's target is gone: it carries nothing (API_Route.html, State).
    if (route.blackhole() || !route.targetType().bringsClients()) {
      return Optional.empty();
    }
    String where = "route " + route.describe() + " in " + tableId;
    if (route.destinationUnknown().isPresent()) {
      return Optional.of(route.toPrefixList()
          ? "the entries of prefix list " + route.destination() + ", routed to " + targetName(route) + " by "
              + tableId + ", are unknown (" + route.destinationUnknown().get() + ")"
          : "the destination of a route to " + targetName(route) + " in " + tableId + " is unknown ("
              + route.destinationUnknown().get() + ")");
    }
    for (String destination : route.destinationCidrs()) {
      Optional<Cidr> block = Cidr.parse(destination);
      if (block.isEmpty()) {
        return Optional.of(where + " has a destination that is not a CIDR block: " + destination);
      }
      if (block.get().ipv6() != ipv6) {
        continue;
      }
      if (coversMoreThanPrivate(block.get())) {
        return Optional.of(where + " covers more than private address space"
            + (route.toPrefixList() ? " (entry " + destination + ")" : ""));
      }
      String origin = (route.toPrefixList() ? "in prefix list " + route.destination() + " " : "")
          + "routed to " + targetName(route) + " by " + tableId;
      found.add(new Network(destination, origin, Optional.of(targetName(route))));
    }
    return Optional.empty();
  }

  /**
   * True when the block holds addresses outside private space: for IPv4, outside RFC 1918 and RFC 6598; for IPv6,
   * outside unique local addresses and shorter than one organization's allocation (/32), such as {@code ::/0}.
   */
  static boolean coversMoreThanPrivate(Cidr block) {
    if (block.ipv6()) {
      return !UNIQUE_LOCAL_IPV6.contains(block) && block.prefixLength() < ORGANIZATION_IPV6_PREFIX;
    }
    return PRIVATE_IPV4.stream().noneMatch(p -> p.contains(block));
  }

  private static String targetName(RouteEntry route) {
    return route.target().isEmpty() ? "a " + route.targetType().description() : route.target();
  }

  /** Drops every network that another one holds (the first of equal blocks stays), keeping the order. */
  private static List<Network> outermost(List<Network> networks) {
    List<Cidr> blocks = networks.stream().map(n -> cidr(n.cidr())).toList();
    List<Network> kept = new ArrayList<>();
    for (int i = 0; i < networks.size(); i++) {
      boolean inside = false;
      for (int j = 0; j < networks.size() && !inside; j++) {
        inside = j != i && blocks.get(j).contains(blocks.get(i))
            && (!blocks.get(i).contains(blocks.get(j)) || j < i);
      }
      if (!inside) {
        kept.add(networks.get(i));
      }
    }
    return kept;
  }

  private static Cidr cidr(String text) {
    return Cidr.parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + text));
  }
}
