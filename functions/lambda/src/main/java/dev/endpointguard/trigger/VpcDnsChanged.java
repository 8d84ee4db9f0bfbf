package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.VpcDnsAttribute;
import java.util.List;
import java.util.Objects;

/** ModifyVpcAttribute on one of the two DNS attributes private DNS needs (one attribute per call). */
public record VpcDnsChanged(String vpcId, VpcDnsAttribute attribute, boolean enabled) implements Ec2Change {
  public VpcDnsChanged {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(attribute, "attribute");
  }

  @Override
  public Targets targets() {
    return Targets.vpcs(List.of(vpcId));
  }
}
