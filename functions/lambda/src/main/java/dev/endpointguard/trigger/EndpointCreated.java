package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateVpcEndpoint. The event is a snapshot of a {@code pending} endpoint whose subnet set may still be empty:
 * the endpoint is re-read, never judged from the event.
 */
public record EndpointCreated(String endpointId, String vpcId, Optional<String> endpointType,
                              Optional<String> serviceName, List<String> subnetIds) implements Ec2Change {
  public EndpointCreated {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(endpointType, "endpointType");
    Objects.requireNonNull(serviceName, "serviceName");
    subnetIds = List.copyOf(subnetIds);
  }

  @Override
  public Targets targets() {
    return Targets.endpoints(List.of(endpointId));
  }
}
