package dev.endpointguard.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a rule needs to judge one VPC endpoint, read once by the inventory.
 *
 * @param policyDocument the endpoint policy as AWS returned it; empty when the endpoint has none
 * @param subnets        the endpoint's subnets (Interface endpoints), with AZ name and id
 * @param vpc            the endpoint's VPC with its subnets and sibling endpoints
 * @param dnsNames       {@code DnsEntries[].DnsName} of DescribeVpcEndpoints, as given (regional and zonal names)
 * @param interfaceAddresses the private IPv4 and IPv6 addresses of the endpoint's network interfaces: read only when
 *                       a hosted-zone record with plain addresses must be compared with them; empty Optional when not
 *                       read
 */
public record EndpointSnapshot(String endpointId, EndpointType type, String serviceName, EndpointState state,
                               boolean privateDnsEnabled, boolean requesterManaged, String policyDocument,
                               List<SubnetInfo> subnets, List<SecurityGroupInfo> securityGroups,
                               Map<String, String> tags, ServiceFacts service, VpcSnapshot vpc,
                               List<String> dnsNames, Optional<List<String>> interfaceAddresses) {
  public EndpointSnapshot {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(policyDocument, "policyDocument");
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(vpc, "vpc");
    dnsNames = List.copyOf(dnsNames);
    interfaceAddresses = interfaceAddresses.map(List::copyOf);
  }

  /** An endpoint whose DNS names are not known and whose interface addresses were not read. */
  public EndpointSnapshot(String endpointId, EndpointType type, String serviceName, EndpointState state,
                          boolean privateDnsEnabled, boolean requesterManaged, String policyDocument,
                          List<SubnetInfo> subnets, List<SecurityGroupInfo> securityGroups,
                          Map<String, String> tags, ServiceFacts service, VpcSnapshot vpc) {
    this(endpointId, type, serviceName, state, privateDnsEnabled, requesterManaged, policyDocument, subnets,
        securityGroups, tags, service, vpc, List.of(), Optional.empty());
  }

  /** Who manages the endpoint: {@link ManagedBy#CUSTOMER} is the only one endpoint-guard changes. */
  public ManagedBy managedBy() {
    return ManagedBy.of(this);
  }

  public String vpcId() {
    return vpc.vpcId();
  }

  /** Distinct AZ ids of the endpoint's subnets. */
  public java.util.Set<String> coveredAzIds() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    subnets.forEach(s -> ids.add(s.azId()));
    return ids;
  }
}
