package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/** Another endpoint in the same VPC, as far as rules about siblings need to know it. */
public record EndpointSummary(String endpointId, EndpointType type, String serviceName, String state,
                              boolean privateDnsEnabled, List<String> subnetIds) {
  public EndpointSummary {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(state, "state");
    subnetIds = List.copyOf(subnetIds);
  }
}
