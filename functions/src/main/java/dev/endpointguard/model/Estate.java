package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/** What one inventory read found: the endpoints in scope and the VPCs that hold them. */
public record Estate(String accountId, String region, List<EndpointSnapshot> endpoints, List<VpcSnapshot> vpcs) {
  public Estate {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    endpoints = List.copyOf(endpoints);
    vpcs = List.copyOf(vpcs);
  }
}
