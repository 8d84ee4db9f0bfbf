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
 * @param owner              {@code ServiceDetail.Owner}: {@code amazon} for AWS services, else the provider's account;
 *                           empty when the service is not described
 */
public record ServiceFacts(String serviceName, Set<String> offeredAzIds, Optional<String> privateDnsName,
                           boolean policySupported, boolean managesVpcEndpoints, boolean known,
                           Optional<String> owner) {
  /** The {@code Owner} DescribeVpcEndpointServices reports for AWS services. */
  public static final String AMAZON = "amazon";
  /**
   * Endpoint services of customers, partners and AWS Marketplace sellers are named
   * {@code com.amazonaws.vpce.<region>.vpce-svc-…}.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html
   */
  public static final String ENDPOINT_SERVICE_PREFIX = "com.amazonaws.vpce.";

  public ServiceFacts {
    Objects.requireNonNull(serviceName, "serviceName");
    offeredAzIds = Set.copyOf(offeredAzIds);
    Objects.requireNonNull(privateDnsName, "privateDnsName");
    Objects.requireNonNull(owner, "owner");
  }

  /** A service AWS owns (the usual case in tests and for every {@code com.amazonaws.<region>.<service>}). */
  public ServiceFacts(String serviceName, Set<String> offeredAzIds, Optional<String> privateDnsName,
                      boolean policySupported, boolean managesVpcEndpoints, boolean known) {
    this(serviceName, offeredAzIds, privateDnsName, policySupported, managesVpcEndpoints, known,
        known ? Optional.of(AMAZON) : Optional.empty());
  }

  /** Facts for a service AWS did not describe: nothing offered, nothing assumed. */
  public static ServiceFacts unknown(String serviceName) {
    return new ServiceFacts(serviceName, Set.of(), Optional.empty(), true, false, false, Optional.empty());
  }

  /**
   * Whether the service is an AWS service rather than a customer's or partner's endpoint service: by its owner when
   * described, else by its name. Only AWS services' endpoints are bounded by their endpoint policy.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
   */
  public boolean awsService() {
    return owner.map(AMAZON::equals).orElse(!serviceName.startsWith(ENDPOINT_SERVICE_PREFIX));
  }
}
