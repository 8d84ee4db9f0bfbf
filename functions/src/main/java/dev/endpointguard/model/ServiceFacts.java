package dev.endpointguard.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What DescribeVpcEndpointServices says of a service, AZs translated to AZ ids.
 *
 * @param offeredAzIds       AZ ids (use1-az1) in which the service can place endpoint interfaces
 * @param privateDnsName     the private DNS name the service offers, if any
 * @param policySupported    {@code VpcEndpointPolicySupported}
 * @param managesVpcEndpoints {@code ManagesVpcEndpoints}: the service owns its endpoints, do not modify them
 * @param known              false when the service did not appear in DescribeVpcEndpointServices (facts unknown)
 */
public record ServiceFacts(String serviceName, Set<String> offeredAzIds, Optional<String> privateDnsName,
                           boolean policySupported, boolean managesVpcEndpoints, boolean known) {
  public ServiceFacts {
    Objects.requireNonNull(serviceName, "serviceName");
    offeredAzIds = Set.copyOf(offeredAzIds);
    Objects.requireNonNull(privateDnsName, "privateDnsName");
  }

  /** Facts for a service AWS did not describe: nothing offered, nothing assumed. */
  public static ServiceFacts unknown(String serviceName) {
    return new ServiceFacts(serviceName, Set.of(), Optional.empty(), true, false, false);
  }
}
