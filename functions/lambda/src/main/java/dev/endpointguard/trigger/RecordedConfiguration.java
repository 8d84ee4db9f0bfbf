package dev.endpointguard.trigger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The parts of a Config configuration item that identify an endpoint's state when Config recorded it. */
public record RecordedConfiguration(Optional<String> vpcId, Optional<String> endpointType, Optional<String> state,
                                    Optional<Boolean> privateDnsEnabled, Optional<String> policyDocument,
                                    List<String> subnetIds) {
  public RecordedConfiguration {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(endpointType, "endpointType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(privateDnsEnabled, "privateDnsEnabled");
    Objects.requireNonNull(policyDocument, "policyDocument");
    subnetIds = List.copyOf(subnetIds);
  }
}
