package dev.endpointguard.model;

import java.util.Map;
import java.util.Objects;

/**
 * A subnet of a VPC that holds endpoints.
 *
 * @param isPublic true when the subnet's route table (explicit or the VPC's main one) routes to an internet gateway
 */
public record SubnetInfo(String subnetId, String vpcId, String azName, String azId, int availableIps,
                         boolean isPublic, Map<String, String> tags) {
  public SubnetInfo {
    Objects.requireNonNull(subnetId, "subnetId");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(azName, "azName");
    Objects.requireNonNull(azId, "azId");
    tags = Map.copyOf(tags);
  }

  /** Tagged by the operator as a home for endpoints: {@code endpoint-guard:endpoint-subnet=true}. */
  public boolean taggedForEndpoints() {
    return "true".equalsIgnoreCase(tags.getOrDefault(Tags.ENDPOINT_SUBNET, ""));
  }
}
