package dev.endpointguard.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Another endpoint in the same VPC, as far as rules about siblings need to know it.
 *
 * @param tags     its tags, for the exemptions the engine reads (a sibling exempt from a rule is left to itself)
 * @param dnsNames {@code DnsEntries[].DnsName} of DescribeVpcEndpoints, as given: a hosted-zone record may point to it
 */
public record EndpointSummary(String endpointId, EndpointType type, String serviceName, EndpointState state,
                              boolean privateDnsEnabled, List<String> subnetIds, Map<String, String> tags,
                              List<String> dnsNames) {
  public EndpointSummary {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(state, "state");
    subnetIds = List.copyOf(subnetIds);
    tags = Map.copyOf(tags);
    dnsNames = List.copyOf(dnsNames);
  }

  /** One whose DNS names are not known. */
  public EndpointSummary(String endpointId, EndpointType type, String serviceName, EndpointState state,
                         boolean privateDnsEnabled, List<String> subnetIds, Map<String, String> tags) {
    this(endpointId, type, serviceName, state, privateDnsEnabled, subnetIds, tags, List.of());
  }

  /** An untagged one. */
  public EndpointSummary(String endpointId, EndpointType type, String serviceName, EndpointState state,
                         boolean privateDnsEnabled, List<String> subnetIds) {
    this(endpointId, type, serviceName, state, privateDnsEnabled, subnetIds, Map.of());
  }
}
