package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/** ModifyVpcEndpoint: subnets or groups added or removed, private DNS switched, policy replaced or reset. */
public record EndpointModified(String endpointId) implements Ec2Change {
  public EndpointModified {
    Objects.requireNonNull(endpointId, "endpointId");
  }

  @Override
  public Targets targets() {
    return Targets.endpoints(List.of(endpointId));
  }
}
