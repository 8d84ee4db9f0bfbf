package dev.endpointguard.trigger;

import java.util.List;

/**
 * What an event asks the inventory to read: endpoints by id, the endpoints of some VPCs, the endpoints using some
 * security groups, or every endpoint in the region. Empty when there is nothing to evaluate.
 */
public record Targets(List<String> endpointIds, List<String> vpcIds, List<String> securityGroupIds,
                      boolean wholeRegion) {
  public Targets {
    endpointIds = List.copyOf(endpointIds);
    vpcIds = List.copyOf(vpcIds);
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  public static Targets none() {
    return new Targets(List.of(), List.of(), List.of(), false);
  }

  public static Targets allInRegion() {
    return new Targets(List.of(), List.of(), List.of(), true);
  }

  public static Targets endpoints(List<String> endpointIds) {
    return new Targets(endpointIds, List.of(), List.of(), false);
  }

  public static Targets vpcs(List<String> vpcIds) {
    return new Targets(List.of(), vpcIds, List.of(), false);
  }

  public static Targets securityGroups(List<String> groupIds) {
    return new Targets(List.of(), List.of(), groupIds, false);
  }

  public boolean isEmpty() {
    return !wholeRegion && endpointIds.isEmpty() && vpcIds.isEmpty() && securityGroupIds.isEmpty();
  }
}
