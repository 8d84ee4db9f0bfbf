package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/** ModifyVpcAttribute on one of the two DNS attributes private DNS needs (one attribute per call). */
public record VpcDnsChanged(String vpcId) implements Ec2Change {
  public VpcDnsChanged {
    Objects.requireNonNull(vpcId, "vpcId");
  }

  @Override
  public Targets targets() {
    return Targets.vpcs(List.of(vpcId));
  }
}
