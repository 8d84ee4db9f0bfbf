package dev.endpointguard.inventory;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * One endpoint as DescribeVpcEndpoints reported it, checked and with safe defaults for missing fields.
 *
 * @param dnsNames {@code DnsEntries[].DnsName}, as given
 */
record RawEndpoint(String endpointId, String vpcId, EndpointType type, String serviceName, EndpointState state,
                   boolean privateDnsEnabled, boolean requesterManaged, String policyDocument, List<String> subnetIds,
                   List<String> groupIds, List<String> networkInterfaceIds, Map<String, String> tags,
                   List<String> dnsNames) {
  RawEndpoint {
    subnetIds = List.copyOf(subnetIds);
    groupIds = List.copyOf(groupIds);
    networkInterfaceIds = List.copyOf(networkInterfaceIds);
    tags = Map.copyOf(tags);
    dnsNames = List.copyOf(dnsNames);
  }

  /** Empty (and a problem reported) when AWS left out the id, the VPC or the service. */
  static Optional<RawEndpoint> from(VpcEndpoint e, Consumer<InventoryProblem> problems) {
    String id = e.vpcEndpointId();
    if (id == null || id.isBlank()) {
      problems.accept(new InventoryProblem("(unknown endpoint)", "DescribeVpcEndpoints returned an endpoint without id"));
      return Optional.empty();
    }
    if (e.vpcId() == null || e.serviceName() == null) {
      problems.accept(new InventoryProblem(id, "DescribeVpcEndpoints returned it without VPC id or service name"));
      return Optional.empty();
    }
    EndpointState state = EndpointState.of(e.stateAsString());
    return Optional.of(new RawEndpoint(id, e.vpcId(), EndpointType.fromAws(e.vpcEndpointTypeAsString()),
        e.serviceName(), state, Boolean.TRUE.equals(e.privateDnsEnabled()), Boolean.TRUE.equals(e.requesterManaged()),
        e.policyDocument() == null ? "" : e.policyDocument(), e.subnetIds(),
        e.groups().stream().map(SecurityGroupIdentifier::groupId).filter(g -> g != null).toList(),
        e.networkInterfaceIds(), Ec2Tags.toMap(e.tags()),
        e.dnsEntries().stream().map(DnsEntry::dnsName).filter(Objects::nonNull).toList()));
  }

  boolean gone() {
    return state.gone();
  }

  EndpointSummary summary() {
    return new EndpointSummary(endpointId, type, serviceName, state, privateDnsEnabled, subnetIds, tags, dnsNames);
  }
}
