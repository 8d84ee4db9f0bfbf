package dev.endpointguard.model;

import java.util.Optional;

/**
 * Who manages a VPC endpoint, and so whether endpoint-guard may change it: the one decision that every rule and the
 * safety check take from here. AWS says not to modify an endpoint that a service manages ({@code ManagesVpcEndpoints})
 * or that an AWS service created in your VPC on your behalf ({@code RequesterManaged}).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceDetail.html ·
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html
 */
public enum ManagedBy {
  /** Yours: endpoint-guard may change it. */
  CUSTOMER,
  /** Its service manages it ({@code ManagesVpcEndpoints}); only the service changes it. */
  SERVICE,
  /** An AWS service created it for you ({@code RequesterManaged}); only that service changes it. */
  REQUESTER;

  /** Service management wins: such a service owns every endpoint of its, requester-managed or not. */
  public static ManagedBy of(EndpointSnapshot endpoint) {
    if (endpoint.service().managesVpcEndpoints()) {
      return SERVICE;
    }
    return endpoint.requesterManaged() ? REQUESTER : CUSTOMER;
  }

  /** Empty when endpoint-guard may change the endpoint; else why not, as a clause for reasons. */
  public Optional<String> whyNotOurs() {
    return switch (this) {
      case CUSTOMER -> Optional.empty();
      case SERVICE -> Optional.of("the endpoint is managed by its service (ManagesVpcEndpoints)");
      case REQUESTER -> Optional.of("the endpoint is requester-managed (created by an AWS service on your behalf)");
    };
  }
}
