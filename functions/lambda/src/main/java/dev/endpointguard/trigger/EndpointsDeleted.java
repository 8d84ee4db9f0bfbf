package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;

/**
 * DeleteVpcEndpoints. A deleted endpoint can leave a sibling for the same service without private DNS, but the
 * event names neither the VPC nor the service, and the deleted endpoint may no longer be described: so the whole
 * region is re-evaluated (the inventory's cost is bounded by pages and VPCs, not endpoints).
 */
public record EndpointsDeleted(List<String> endpointIds) implements Ec2Change {
  public EndpointsDeleted {
    endpointIds = List.copyOf(endpointIds);
  }

  @Override
  public Targets targets() {
    return Targets.allInRegion();
  }
}
