package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/**
 * What one inventory read found: the endpoints in scope, the VPCs that hold them, the scanned account's own
 * organization when it was read, and the endpoint services the account offers that are in scope.
 */
public record Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs,
                     OwnOrganization ownOrganization, List<EndpointServiceSnapshot> endpointServices) {
  public Estate {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    endpoints = List.copyOf(endpoints);
    vpcs = List.copyOf(vpcs);
    Objects.requireNonNull(ownOrganization, "ownOrganization");
    endpointServices = List.copyOf(endpointServices);
  }

  /** An estate without endpoint services. */
  public Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs,
                OwnOrganization ownOrganization) {
    this(accountId, region, endpoints, vpcs, ownOrganization, List.of());
  }

  /** The same estate, with these endpoint services. */
  public Estate withEndpointServices(List<EndpointServiceSnapshot> services) {
    return new Estate(accountId, region, endpoints, vpcs, ownOrganization, services);
  }

  /** An estate whose account organization was not read. */
  public Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs) {
    this(accountId, region, endpoints, vpcs, OwnOrganization.notRead());
  }
}
