package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/**
 * CreateSubnet. A subnet in a new AZ raises the number of AZs an endpoint in that VPC must span (required =
 * min(minAzs, AZs the service offers where the VPC has a subnet)), so a compliant endpoint can become single-AZ.
 */
public record SubnetCreated(String vpcId) implements Ec2Change {
  public SubnetCreated {
    Objects.requireNonNull(vpcId, "vpcId");
  }

  @Override
  public Targets targets() {
    return Targets.vpcs(List.of(vpcId));
  }
}
