package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VPC and everything in it that rules look at: its subnets (candidates for more AZs), every endpoint in it, its
 * route tables and, when a private-DNS plan needed them, the Route 53 private hosted zones associated with it.
 *
 * @param privateHostedZones empty Optional when they were not looked up
 * @param routeTables        every route table of the VPC; empty Optional when they were not read (then which other
 *                           networks reach the VPC is unknown)
 */
public record VpcSnapshot(VpcInfo vpc, List<SubnetInfo> subnets, List<EndpointSummary> endpoints,
                          Optional<List<HostedZoneRef>> privateHostedZones,
                          Optional<List<RouteTableInfo>> routeTables) {
  public VpcSnapshot {
    Objects.requireNonNull(vpc, "vpc");
    subnets = List.copyOf(subnets);
    endpoints = List.copyOf(endpoints);
    privateHostedZones = privateHostedZones.map(List::copyOf);
    routeTables = routeTables.map(List::copyOf);
  }

  /** A VPC whose route tables were not read. */
  public VpcSnapshot(VpcInfo vpc, List<SubnetInfo> subnets, List<EndpointSummary> endpoints,
                     Optional<List<HostedZoneRef>> privateHostedZones) {
    this(vpc, subnets, endpoints, privateHostedZones, Optional.empty());
  }

  /**
   * The route table a subnet of this VPC uses: the one explicitly associated with it, else the VPC's main table
   * (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#subnet-route-tables). Empty when the route
   * tables were not read, none applies, or the subnet is not one of this VPC's.
   */
  public Optional<RouteTableInfo> routeTableOf(String subnetId) {
    List<RouteTableInfo> tables = routeTables.orElse(List.of());
    Optional<RouteTableInfo> explicit = tables.stream().filter(t -> t.subnetIds().contains(subnetId)).findFirst();
    if (explicit.isPresent() || subnets.stream().noneMatch(s -> s.subnetId().equals(subnetId))) {
      return explicit;
    }
    return tables.stream().filter(RouteTableInfo::main).findFirst();
  }

  public String vpcId() {
    return vpc.vpcId();
  }

  /** Subnets that already hold an Interface endpoint's network interface. */
  public java.util.Set<String> subnetsHoldingInterfaceEndpoints() {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (EndpointSummary e : endpoints) {
      if (e.type() == EndpointType.INTERFACE) {
        ids.addAll(e.subnetIds());
      }
    }
    return java.util.Set.copyOf(ids);
  }
}
