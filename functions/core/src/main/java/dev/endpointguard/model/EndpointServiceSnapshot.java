package dev.endpointguard.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint service this account offers (the provider side of AWS PrivateLink), as
 * DescribeVpcEndpointServiceConfigurations and DescribeVpcEndpointServicePermissions report it.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceConfiguration.html ·
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllowedPrincipal.html
 *
 * @param serviceId           {@code vpce-svc-…}
 * @param serviceName         {@code com.amazonaws.vpce.<region>.vpce-svc-…}
 * @param region              the Region that offers it
 * @param state               {@code ServiceState}: Pending, Available, Deleting, Deleted or Failed
 * @param acceptanceRequired  {@code AcceptanceRequired}: whether requests to create an endpoint to the service must
 *                            first be accepted
 * @param managesVpcEndpoints {@code ManagesVpcEndpoints}: management of the service's endpoints through the VPC
 *                            endpoint API is restricted (an AWS service manages them)
 * @param tags                the service's tags
 * @param allowedPrincipals   the principals permitted to discover and connect to the service; empty when none are
 *                            allowed or when they could not be read (then {@code principalsUnreadable} says why)
 * @param principalsUnreadable why DescribeVpcEndpointServicePermissions failed for this service, when it did
 */
public record EndpointServiceSnapshot(String serviceId, String serviceName, String region, String state,
                                      boolean acceptanceRequired,
                                      boolean managesVpcEndpoints, Map<String, String> tags,
                                      List<AllowedPrincipal> allowedPrincipals,
                                      Optional<String> principalsUnreadable) {
  /** The {@code ServiceState} of a service that accepts connections. */
  public static final String AVAILABLE = "Available";

  public EndpointServiceSnapshot {
    ResourceIdFormat.VPC_ENDPOINT_SERVICE.require(serviceId);
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(state, "state");
    tags = Map.copyOf(tags);
    allowedPrincipals = List.copyOf(allowedPrincipals);
    Objects.requireNonNull(principalsUnreadable, "principalsUnreadable");
  }

  /** Whether the service is {@code Available} (the other states accept no connection). */
  public boolean available() {
    return AVAILABLE.equals(state);
  }

  /** Whether its allowed principals are known. */
  public boolean principalsKnown() {
    return principalsUnreadable.isEmpty();
  }

  /**
   * One principal allowed to connect: {@code AllowedPrincipal}. AWS documents the forms
   * {@code arn:aws:iam::account_id:root} (an account), {@code …:role/name}, {@code …:user/name} and {@code *} (all
   * principals); the API's {@code PrincipalType} adds Service and OrganizationUnit.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions
   *
   * @param principal     the ARN, or {@code *}
   * @param principalType {@code PrincipalType} (All, Service, OrganizationUnit, Account, User, Role), when AWS
   *                      reported one
   */
  public record AllowedPrincipal(String principal, Optional<String> principalType) {
    public AllowedPrincipal {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(principalType, "principalType");
    }

    /** A principal as its ARN alone. */
    public static AllowedPrincipal of(String principal) {
      return new AllowedPrincipal(principal, Optional.empty());
    }
  }
}
