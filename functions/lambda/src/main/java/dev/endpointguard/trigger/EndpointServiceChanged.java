package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/**
 * CreateVpcEndpointServiceConfiguration, ModifyVpcEndpointServiceConfiguration or ModifyVpcEndpointServicePermissions:
 * who may connect to one of the account's endpoint services, or whether connections need acceptance, may have
 * changed. https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html
 */
public record EndpointServiceChanged(String serviceId) implements Ec2Change {
  public EndpointServiceChanged {
    Objects.requireNonNull(serviceId, "serviceId");
  }

  @Override
  public Targets targets() {
    return Targets.endpointServices(List.of(serviceId));
  }
}
