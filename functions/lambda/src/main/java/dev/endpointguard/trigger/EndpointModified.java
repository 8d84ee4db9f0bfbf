package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ModifyVpcEndpoint: subnets or groups added or removed, private DNS switched, policy replaced or reset. The
 * parameters are kept so a handler can recognise the call its own fix made.
 */
public record EndpointModified(String endpointId, List<String> addedSubnetIds, List<String> removedSubnetIds,
                               List<String> addedSecurityGroupIds, List<String> removedSecurityGroupIds,
                               Optional<Boolean> privateDnsEnabled, Optional<String> policyDocument,
                               boolean policyReset) implements Ec2Change {
  public EndpointModified {
    Objects.requireNonNull(endpointId, "endpointId");
    addedSubnetIds = List.copyOf(addedSubnetIds);
    removedSubnetIds = List.copyOf(removedSubnetIds);
    addedSecurityGroupIds = List.copyOf(addedSecurityGroupIds);
    removedSecurityGroupIds = List.copyOf(removedSecurityGroupIds);
    Objects.requireNonNull(privateDnsEnabled, "privateDnsEnabled");
    Objects.requireNonNull(policyDocument, "policyDocument");
  }

  @Override
  public Targets targets() {
    return Targets.endpoints(List.of(endpointId));
  }
}
