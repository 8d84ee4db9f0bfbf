package dev.endpointguard.inventory;

import dev.endpointguard.model.DnsNames;
import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.HostedZoneRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Route 53 private hosted zones associated with a VPC: one of them for a service's name blocks private DNS, and may
 * itself resolve the name to the endpoint (centralized endpoints).
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZonesByVPC.html
 */
final class HostedZones {
  /**
   * Record sets read per zone, in one page from the apex: the apex's records (NS, SOA and the few a zone for one
   * name holds) come first, then those of its wildcard name. ListResourceRecordSets returns at most 300 per page.
   * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html
   */
  static final int RECORD_PAGE = 100;

  /** The record sets at a zone's apex and wildcard name; {@code complete} false when the page ended among them. */
  record ApexRecords(List<DnsRecord> records, boolean complete) {
    ApexRecords {
      records = List.copyOf(records);
    }
  }

  private final Supplier<Route53Client> route53;

  HostedZones(Supplier<Route53Client> route53) {
    this.route53 = route53;
  }

  List<HostedZoneRef> ofVpc(String vpcId, String region) {
    List<HostedZoneRef> zones = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListHostedZonesByVpcResponse r = route53.get().listHostedZonesByVPC(b -> b.vpcId(vpcId).vpcRegion(region)
          .nextToken(next));
      for (HostedZoneSummary z : r.hostedZoneSummaries()) {
        if (z.hostedZoneId() != null && z.name() != null) {
          zones.add(new HostedZoneRef(z.hostedZoneId(), withoutTrailingDot(z.name())));
        }
      }
      token = r.nextToken() == null || r.nextToken().isBlank() ? null : r.nextToken();
    } while (token != null);
    return List.copyOf(zones);
  }

  /**
   * One page of ListResourceRecordSets from the zone's apex: the record sets named as the zone and as
   * {@code *.}zone. Route 53 lists names with their labels reversed, so the apex comes first and its wildcard right
   * after it (the {@code *} label sorts before letters and digits).
   */
  ApexRecords atApex(HostedZoneRef zone) {
    String apex = DnsNames.normalize(zone.name());
    Set<String> wanted = Set.of(apex, "*." + apex);
    ListResourceRecordSetsResponse r = route53.get().listResourceRecordSets(b -> b.hostedZoneId(zone.zoneId())
        .startRecordName(apex).maxItems(String.valueOf(RECORD_PAGE)));
    List<DnsRecord> records = new ArrayList<>();
    for (ResourceRecordSet set : r.resourceRecordSets()) {
      if (set.name() != null && set.typeAsString() != null && wanted.contains(DnsNames.normalize(set.name()))) {
        records.add(toRecord(set));
      }
    }
    boolean complete = !Boolean.TRUE.equals(r.isTruncated()) || r.nextRecordName() == null
        || !wanted.contains(DnsNames.normalize(r.nextRecordName()));
    return new ApexRecords(records, complete);
  }

  static DnsRecord toRecord(ResourceRecordSet set) {
    AliasTarget alias = set.aliasTarget();
    if (alias != null && alias.dnsName() != null) {
      return new DnsRecord(DnsNames.display(set.name()), set.typeAsString(), Optional.of(alias.dnsName()),
          Optional.ofNullable(alias.hostedZoneId()), List.of());
    }
    return new DnsRecord(DnsNames.display(set.name()), set.typeAsString(), Optional.empty(), Optional.empty(),
        set.resourceRecords().stream().map(ResourceRecord::value).filter(v -> v != null).toList());
  }

  static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
