package dev.endpointguard.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * Which subnets are public: their route table (the explicitly associated one, else the VPC's main table) has an
 * active route to an internet gateway.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#subnet-route-tables
 */
final class PublicSubnets {
  private PublicSubnets() {
  }

  /** @param subnetVpcs subnet id → its VPC id, for every subnet to classify */
  static Set<String> among(Map<String, String> subnetVpcs, Collection<RouteTable> tables) {
    Map<String, Boolean> explicit = new HashMap<>();
    Map<String, Boolean> mainOfVpc = new HashMap<>();
    for (RouteTable table : tables) {
      boolean toInternet = table.routes().stream().anyMatch(PublicSubnets::toInternetGateway);
      for (RouteTableAssociation a : table.associations()) {
        if (a.subnetId() != null) {
          explicit.put(a.subnetId(), toInternet);
        }
        if (Boolean.TRUE.equals(a.main()) && table.vpcId() != null) {
          mainOfVpc.put(table.vpcId(), toInternet);
        }
      }
    }
    Set<String> open = new HashSet<>();
    subnetVpcs.forEach((subnet, vpc) -> {
      boolean isPublic = explicit.containsKey(subnet) ? explicit.get(subnet) : mainOfVpc.getOrDefault(vpc, false);
      if (isPublic) {
        open.add(subnet);
      }
    });
    return Set.copyOf(open);
  }

  private static boolean toInternetGateway(Route r) {
    boolean active = r.stateAsString() == null || "active".equals(r.stateAsString());
    return active && r.gatewayId() != null && r.gatewayId().startsWith("igw-");
  }
}
