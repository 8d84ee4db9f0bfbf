package dev.endpointguard.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One Route 53 record set of a private hosted zone, as ListResourceRecordSets returned it.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html
 *
 * @param name              the record's name, escape codes decoded, without the trailing dot
 * @param type              {@code A}, {@code AAAA}, {@code CNAME}, ... (upper case)
 * @param aliasDnsName      for an alias record, {@code AliasTarget.DNSName} as given; empty otherwise
 * @param aliasHostedZoneId for an alias record, {@code AliasTarget.HostedZoneId}; empty otherwise
 * @param values            the {@code ResourceRecords} values of a record that is not an alias (addresses for A and
 *                          AAAA, the target name for CNAME); empty for an alias
 */
public record DnsRecord(String name, String type, Optional<String> aliasDnsName, Optional<String> aliasHostedZoneId,
                        List<String> values) {
  public DnsRecord {
    Objects.requireNonNull(name, "name");
    type = Objects.requireNonNull(type, "type").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(aliasDnsName, "aliasDnsName");
    Objects.requireNonNull(aliasHostedZoneId, "aliasHostedZoneId");
    values = List.copyOf(values);
  }

  public boolean isAlias() {
    return aliasDnsName.isPresent();
  }

  /** A record through which the name resolves to addresses: A, AAAA or CNAME. */
  public boolean isAddressRecord() {
    return "A".equals(type) || "AAAA".equals(type) || "CNAME".equals(type);
  }
}
