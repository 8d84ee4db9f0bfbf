package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/**
 * What one inventory read found: the endpoints in scope, the VPCs that hold them, and the scanned account's own
 * organization when it was read.
 */
public record Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs,
                     OwnOrganization ownOrganization) {
  public Estate {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    endpoints = List.copyOf(endpoints);
    vpcs = List.copyOf(vpcs);
    Objects.requireNonNull(ownOrganization, "ownOrganization");
  }

  /** An estate whose account organization was not read. */
  public Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs) {
    this(accountId, region, endpoints, vpcs, OwnOrganization.notRead());
  }
}
