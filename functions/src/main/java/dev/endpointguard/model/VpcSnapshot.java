package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VPC and everything in it that rules look at: its subnets (candidates for more AZs), every endpoint in it, and,
 * when a private-DNS plan needed them, the Route 53 private hosted zones associated with it.
 *
 * @param privateHostedZones empty Optional when they were not looked up
 */
public record VpcSnapshot(VpcInfo vpc, List<SubnetInfo> subnets, List<EndpointSummary> endpoints,
                          Optional<List<HostedZoneRef>> privateHostedZones) {
  public VpcSnapshot {
    Objects.requireNonNull(vpc, "vpc");
    subnets = List.copyOf(subnets);
    endpoints = List.copyOf(endpoints);
    privateHostedZones = privateHostedZones.map(List::copyOf);
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
