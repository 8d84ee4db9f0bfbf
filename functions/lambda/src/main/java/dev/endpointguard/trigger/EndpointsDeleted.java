package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;

/**
 * DeleteVpcEndpoints. A deleted endpoint can leave a sibling for the same service without private DNS, but the
 * event names neither the VPC nor the service, and the deleted endpoint may no longer be described: so the whole
 * region is re-evaluated (the inventory's cost is bounded by pages and VPCs, not endpoints).
 */
public record EndpointsDeleted() implements Ec2Change {

  @Override
  public Targets targets() {
    return Targets.allInRegion();
  }
}
