package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/**
 * CreateVpcEndpoint. The event is a snapshot of a {@code pending} endpoint whose subnet set may still be empty:
 * the endpoint is re-read, never judged from the event.
 */
public record EndpointCreated(String endpointId) implements Ec2Change {
  public EndpointCreated {
    Objects.requireNonNull(endpointId, "endpointId");
  }

  @Override
  public Targets targets() {
    return Targets.endpoints(List.of(endpointId));
  }
}
