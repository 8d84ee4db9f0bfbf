package dev.endpointguard.model;

import java.util.Objects;

/** A Route 53 private hosted zone associated with a VPC. {@code name} has no trailing dot. */
public record HostedZoneRef(String zoneId, String name) {
  public HostedZoneRef {
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(name, "name");
  }
}
