package dev.endpointguard.rules;

import dev.endpointguard.model.DnsNames;
import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a private hosted zone named after a service's private DNS name answers for that name inside the VPC, seen from
 * one endpoint with private DNS off: the centralized-endpoint design resolves the name to the endpoint with an alias
 * record (apex, and {@code *.} for a wildcard name such as S3's), a CNAME, or the interfaces' addresses.
 * https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html
 * Names are matched against the endpoint's {@code DnsEntries} as DescribeVpcEndpoints gave them, never against a name
 * built from a pattern.
 */
final class ZoneAnswer {
  /** How far an alias to another record of the same zone is followed. */
  private static final int MAX_ALIAS_HOPS = 3;
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  /** What the zone does with the name. */
  enum Kind {
    /** Every address record for the name leads to this endpoint. */
    THIS_ENDPOINT,
    /** They lead to another endpoint for the same service in this VPC. */
    SIBLING,
    /** At least one leads somewhere else. */
    ELSEWHERE,
    /** The zone holds no A, AAAA or CNAME record for the name. */
    NO_RECORD,
    /** The records or the endpoint's addresses were not read. */
    UNKNOWN
  }

  /**
   * @param text completes "… private hosted zone Z (name) associated with vpc-…" after " resolves " (for
   *             {@link Kind#THIS_ENDPOINT}, {@link Kind#SIBLING}, {@link Kind#ELSEWHERE}) or after a space (for
   *             {@link Kind#NO_RECORD} and {@link Kind#UNKNOWN})
   */
  record Answer(Kind kind, String text) {
  }

  private record Judged(Kind kind, DnsRecord record, String note, Optional<String> sibling) {
  }

  private final EndpointSnapshot endpoint;
  private final HostedZoneRef zone;
  private final List<DnsRecord> records;

  private ZoneAnswer(EndpointSnapshot endpoint, HostedZoneRef zone, List<DnsRecord> records) {
    this.endpoint = endpoint;
    this.zone = zone;
    this.records = records;
  }

  /** What {@code zone} (named after {@code privateDnsName}) answers for that name in the endpoint's VPC. */
  static Answer of(EndpointSnapshot endpoint, HostedZoneRef zone, String privateDnsName) {
    if (zone.records().isEmpty()) {
      return new Answer(Kind.UNKNOWN, "holds that name, but its record sets could not be read, so whether it"
          + " resolves the name to the endpoint is unknown");
    }
    return new ZoneAnswer(endpoint, zone, zone.records().get()).answer(privateDnsName);
  }

  private Answer answer(String privateDnsName) {
    String apex = DnsNames.zoneName(privateDnsName);
    boolean wildcard = DnsNames.isWildcard(privateDnsName);
    String primary = wildcard ? "*." + apex : apex;
    List<Judged> main = judgeName(primary, 0);
    if (main.isEmpty()) {
      return new Answer(Kind.NO_RECORD, "holds no A, AAAA or CNAME record for " + primary
          + ", so that name does not resolve in the VPC");
    }
    // A wildcard name's zone also answers for the domain itself (S3's regional name s3.<region>.amazonaws.com).
    List<Judged> domain = wildcard ? judgeName(apex, 0) : List.of();
    List<Judged> all = new ArrayList<>(main);
    all.addAll(domain);

    List<Judged> mainElsewhere = main.stream().filter(j -> j.kind() == Kind.ELSEWHERE).toList();
    List<Judged> domainElsewhere = domain.stream().filter(j -> j.kind() == Kind.ELSEWHERE).toList();
    if (!mainElsewhere.isEmpty() || !domainElsewhere.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (!mainElsewhere.isEmpty()) {
        parts.add((wildcard ? primary : "that name") + " elsewhere: " + describeAll(mainElsewhere, true));
      }
      if (!domainElsewhere.isEmpty()) {
        parts.add(apex + " elsewhere: " + describeAll(domainElsewhere, true));
      }
      return new Answer(Kind.ELSEWHERE, String.join(", and ", parts));
    }
    Optional<Judged> unknown = all.stream().filter(j -> j.kind() == Kind.UNKNOWN).findFirst();
    if (unknown.isPresent()) {
      return new Answer(Kind.UNKNOWN, "resolves that name with " + describe(unknown.get(), false) + ", but the"
          + " interface addresses of " + endpoint.endpointId() + " could not be read, so whether that is this"
          + " endpoint is unknown");
    }
    boolean toThis = main.stream().anyMatch(j -> j.kind() == Kind.THIS_ENDPOINT);
    String target = toThis ? "it" : main.get(0).sibling().orElse("") + ", another endpoint for "
        + endpoint.serviceName() + " in this VPC,";
    StringBuilder text = new StringBuilder(primary + " to " + target + " with " + describeAll(main, false));
    if (wildcard && !domain.isEmpty()) {
      text.append(", and ").append(apex).append(" with ").append(describeAll(domain, false));
    } else if (wildcard) {
      text.append("; the zone holds no A, AAAA or CNAME record for ").append(apex).append(" itself");
    }
    return new Answer(toThis ? Kind.THIS_ENDPOINT : Kind.SIBLING, text.toString());
  }

  /** The address records at {@code name}, each judged; empty when there are none. */
  private List<Judged> judgeName(String name, int hops) {
    List<Judged> judged = new ArrayList<>();
    for (DnsRecord r : records) {
      if (r.isAddressRecord() && DnsNames.normalize(r.name()).equals(name)) {
        judged.add(judge(r, hops));
      }
    }
    return judged;
  }

  private Judged judge(DnsRecord r, int hops) {
    if (r.isAlias() || "CNAME".equals(r.type())) {
      String target = r.isAlias() ? r.aliasDnsName().get() : r.values().isEmpty() ? "" : r.values().get(0);
      String normalized = DnsNames.aliasTarget(target);
      // An alias to another record of this zone, or a CNAME to a name the zone holds, answers what that record does.
      if (hops < MAX_ALIAS_HOPS && (!r.isAlias() || sameZone(r.aliasHostedZoneId()))) {
        List<Judged> followed = judgeName(normalized, hops + 1);
        if (!followed.isEmpty()) {
          Judged worst = worst(followed);
          String note = worst.kind() == Kind.ELSEWHERE ? "the record it leads to resolves elsewhere" : worst.note();
          return new Judged(worst.kind(), r, note, worst.sibling());
        }
      }
      if (matches(normalized, endpoint.dnsNames())) {
        return new Judged(Kind.THIS_ENDPOINT, r, "", Optional.empty());
      }
      Optional<EndpointSummary> sibling = siblingNamed(normalized);
      if (sibling.isPresent()) {
        return new Judged(Kind.SIBLING, r, "", Optional.of(sibling.get().endpointId()));
      }
      return new Judged(Kind.ELSEWHERE, r, "not a DNS name of " + endpoint.endpointId(), Optional.empty());
    }
    // A or AAAA with plain values: compared with the addresses of the endpoint's network interfaces.
    if (endpoint.interfaceAddresses().isEmpty()) {
      return new Judged(Kind.UNKNOWN, r, "", Optional.empty());
    }
    Set<String> own = new LinkedHashSet<>();
    endpoint.interfaceAddresses().get().forEach(a -> own.add(address(a)));
    List<String> foreign = r.values().stream().filter(v -> !own.contains(address(v))).toList();
    if (r.values().isEmpty() || !foreign.isEmpty()) {
      String note = foreign.isEmpty() ? "no address"
          : String.join(", ", foreign) + (foreign.size() == 1 ? " is not an interface address of "
              : " are not interface addresses of ") + endpoint.endpointId();
      return new Judged(Kind.ELSEWHERE, r, note, Optional.empty());
    }
    Set<String> held = new LinkedHashSet<>();
    r.values().forEach(v -> held.add(address(v)));
    List<String> leftOut = endpoint.interfaceAddresses().get().stream()
        .filter(a -> sameFamily(a, r.type()) && !held.contains(address(a))).toList();
    String note = leftOut.isEmpty() ? "" : "leaves out its interface address" + (leftOut.size() == 1 ? " " : "es ")
        + String.join(", ", leftOut);
    return new Judged(Kind.THIS_ENDPOINT, r, note, Optional.empty());
  }

  private static Judged worst(List<Judged> judged) {
    for (Kind k : List.of(Kind.ELSEWHERE, Kind.UNKNOWN, Kind.THIS_ENDPOINT)) {
      for (Judged j : judged) {
        if (j.kind() == k) {
          return j;
        }
      }
    }
    return judged.get(0);
  }

  private boolean sameZone(Optional<String> hostedZoneId) {
    return hostedZoneId.map(ZoneAnswer::zoneId).filter(id -> id.equals(zoneId(zone.zoneId()))).isPresent();
  }

  /** {@code /hostedzone/Z1} and {@code Z1} name the same zone. */
  private static String zoneId(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static boolean matches(String normalizedTarget, List<String> dnsNames) {
    return dnsNames.stream().anyMatch(n -> DnsNames.normalize(n).equals(normalizedTarget));
  }

  private Optional<EndpointSummary> siblingNamed(String normalizedTarget) {
    return endpoint.vpc().endpoints().stream()
        .filter(e -> !e.endpointId().equals(endpoint.endpointId()))
        .filter(e -> e.type() == EndpointType.INTERFACE && e.serviceName().equals(endpoint.serviceName()))
        .filter(e -> matches(normalizedTarget, e.dnsNames()))
        .findFirst();
  }

  private static boolean sameFamily(String address, String recordType) {
    return address.contains(":") == "AAAA".equals(recordType);
  }

  /** An IP address in one canonical text form, so that {@code 2600:1f18::1} equals {@code 2600:1f18:0:0::1}. */
  private static String address(String value) {
    String v = value.trim();
    if (v.contains(":") && IP_LITERAL.matcher(v).matches()) {
      try {
        // A literal is only parsed, never looked up.
        return InetAddress.getByName(v).getHostAddress().toLowerCase(Locale.ROOT);
      } catch (UnknownHostException e) {
        return v.toLowerCase(Locale.ROOT);
      }
    }
    return v;
  }

  private static String describeAll(List<Judged> judged, boolean withNotes) {
    List<String> parts = judged.stream().map(j -> describe(j, withNotes)).toList();
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** {@code an alias A record to …}, {@code a CNAME record to …}, {@code an A record holding …}. */
  private static String describe(Judged j, boolean withNotes) {
    DnsRecord r = j.record();
    String text;
    if (r.isAlias()) {
      text = "an alias " + r.type() + " record to " + DnsNames.display(r.aliasDnsName().get());
    } else if ("CNAME".equals(r.type())) {
      text = "a CNAME record to " + (r.values().isEmpty() ? "nothing" : DnsNames.display(r.values().get(0)));
    } else {
      text = "an " + r.type() + " record holding " + (r.values().isEmpty() ? "no address" : String.join(", ",
          r.values()));
    }
    boolean show = !j.note().isEmpty() && (withNotes || j.kind() == Kind.THIS_ENDPOINT);
    return show ? text + " (" + j.note() + ")" : text;
  }
}
