package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Route 53 private hosted zone associated with a VPC.
 *
 * @param name    the zone's name as AWS returned it, without the trailing dot
 * @param records the record sets the inventory read at the zone's apex and its wildcard name ({@code *.}name): read
 *                only for a zone named after the private DNS name of an endpoint that needs them; empty Optional
 *                when not read (not needed, or AWS refused: an inventory problem then says so), an empty list when
 *                read and there are none
 */
public record HostedZoneRef(String zoneId, String name, Optional<List<DnsRecord>> records) {
  public HostedZoneRef {
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(name, "name");
    records = records.map(List::copyOf);
  }

  /** A zone whose records were not read. */
  public HostedZoneRef(String zoneId, String name) {
    this(zoneId, name, Optional.empty());
  }

  /** The same zone with these records read. */
  public HostedZoneRef withRecords(List<DnsRecord> read) {
    return new HostedZoneRef(zoneId, name, Optional.of(read));
  }
}
