package dev.endpointguard.inventory;

import dev.endpointguard.model.DnsNames;
import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.VpcSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceIpv6Address;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/**
 * What Route 53 private hosted zones do with the service names of endpoints that have private DNS off, read for one
 * inventory load: the zones associated with those endpoints' VPCs; the record sets of each zone named after such a
 * service (read once per load, however many VPCs share the zone: a hub and its spokes); and, only when such a record
 * holds plain addresses, the addresses of those endpoints' network interfaces to compare them with.
 * Calls: ListHostedZonesByVPC per such VPC (and page), ListResourceRecordSets per such zone, DescribeNetworkInterfaces
 * per 200 interfaces to compare — never per endpoint.
 * https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html
 */
final class ServiceNameZones {
  private final HostedZones zones;
  private final Ec2Client ec2;
  private final String region;
  private final Map<String, Optional<List<DnsRecord>>> recordsByZone = new HashMap<>();

  ServiceNameZones(HostedZones zones, Ec2Client ec2, String region) {
    this.zones = zones;
    this.ec2 = ec2;
    this.region = region;
  }

  /**
   * The zone names (normalized; a wildcard name's domain) of the private DNS names offered to the endpoints in scope
   * in this VPC that are Interface endpoints with private DNS off: empty when no private-DNS verdict here looks at
   * hosted zones.
   */
  static Set<String> namesToCheck(List<RawEndpoint> inScopeOfVpc, Map<String, ServiceFacts> services) {
    Set<String> names = new TreeSet<>();
    for (RawEndpoint e : inScopeOfVpc) {
      offeredName(e, services).ifPresent(n -> names.add(DnsNames.zoneName(n)));
    }
    return names;
  }

  /**
   * The VPC's private hosted zones, those named in {@code names} with their apex and wildcard records; empty when
   * the zones could not be listed (reported). A zone whose records could not be read keeps them unread (reported).
   */
  Optional<List<HostedZoneRef>> of(String vpcId, Set<String> names, Consumer<InventoryProblem> report) {
    List<HostedZoneRef> listed;
    try {
      listed = zones.ofVpc(vpcId, region);
    } catch (SdkException ex) {
      report.accept(InventoryProblem.incomplete(vpcId, "could not list its private hosted zones: " + ex.getMessage()));
      return Optional.empty();
    }
    List<HostedZoneRef> read = new ArrayList<>();
    for (HostedZoneRef zone : listed) {
      if (names.contains(DnsNames.normalize(zone.name()))) {
        read.add(records(zone, report).map(zone::withRecords).orElse(zone));
      } else {
        read.add(zone);
      }
    }
    return Optional.of(List.copyOf(read));
  }

  private Optional<List<DnsRecord>> records(HostedZoneRef zone, Consumer<InventoryProblem> report) {
    return recordsByZone.computeIfAbsent(zone.zoneId(), id -> {
      try {
        HostedZones.ApexRecords page = zones.atApex(zone);
        if (!page.complete()) {
          report.accept(InventoryProblem.incomplete(id, "private hosted zone " + zone.name() + " holds more than "
              + HostedZones.RECORD_PAGE + " record sets at its name and wildcard name; they were not all read"));
          return Optional.empty();
        }
        return Optional.of(page.records());
      } catch (SdkException ex) {
        report.accept(InventoryProblem.incomplete(id, "could not read the record sets of private hosted zone "
            + zone.name() + ": " + ex.getMessage()));
        return Optional.empty();
      }
    });
  }

  /**
   * Endpoint id → the private addresses of its network interfaces, for the endpoints in scope whose service name a
   * zone of their VPC answers with plain A or AAAA records; an endpoint whose interfaces could not all be read is
   * absent (reported).
   */
  Map<String, List<String>> interfaceAddresses(EndpointSelection scope, Map<String, VpcSnapshot> vpcs,
                                               Map<String, ServiceFacts> services,
                                               Consumer<InventoryProblem> report) {
    List<RawEndpoint> comparing = scope.inScope().stream()
        .filter(e -> offeredName(e, services).map(n -> holdsPlainAddresses(vpcs.get(e.vpcId()), n)).orElse(false))
        .toList();
    Set<String> interfaceIds = new TreeSet<>();
    comparing.forEach(e -> interfaceIds.addAll(e.networkInterfaceIds()));
    if (interfaceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> byInterface = new HashMap<>();
    try {
      for (List<String> batch : Batches.of(interfaceIds, Batches.FILTER_VALUES)) {
        ec2.describeNetworkInterfacesPaginator(b -> b.filters(Filter.builder().name("network-interface-id")
            .values(batch).build())).networkInterfaces().forEach(eni -> byInterface.put(eni.networkInterfaceId(),
            addresses(eni)));
      }
    } catch (SdkException ex) {
      comparing.forEach(e -> report.accept(InventoryProblem.incomplete(e.endpointId(),
          "could not read the addresses of its network interfaces: " + ex.getMessage())));
      return Map.of();
    }
    Map<String, List<String>> byEndpoint = new TreeMap<>();
    for (RawEndpoint e : comparing) {
      List<String> missing = e.networkInterfaceIds().stream().filter(id -> !byInterface.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        report.accept(InventoryProblem.incomplete(e.endpointId(), "its network interface(s) "
            + String.join(", ", missing) + " were not found, so its interface addresses are unknown"));
        continue;
      }
      List<String> all = new ArrayList<>();
      e.networkInterfaceIds().forEach(id -> all.addAll(byInterface.get(id)));
      byEndpoint.put(e.endpointId(), List.copyOf(all));
    }
    return byEndpoint;
  }

  /** The private DNS name offered to an Interface endpoint with private DNS off: what its verdict may look up. */
  private static Optional<String> offeredName(RawEndpoint e, Map<String, ServiceFacts> services) {
    if (e.type() != EndpointType.INTERFACE || e.privateDnsEnabled()) {
      return Optional.empty();
    }
    ServiceFacts facts = services.get(e.serviceName());
    return facts == null ? Optional.empty() : facts.privateDnsName();
  }

  private static boolean holdsPlainAddresses(VpcSnapshot vpc, String serviceName) {
    if (vpc == null) {
      return false;
    }
    String zoneName = DnsNames.zoneName(serviceName);
    return vpc.privateHostedZones().orElse(List.of()).stream()
        .filter(z -> DnsNames.normalize(z.name()).equals(zoneName))
        .flatMap(z -> z.records().orElse(List.of()).stream())
        .anyMatch(r -> !r.isAlias() && ("A".equals(r.type()) || "AAAA".equals(r.type())));
  }

  private static List<String> addresses(NetworkInterface eni) {
    List<String> all = new ArrayList<>();
    for (NetworkInterfacePrivateIpAddress a : eni.privateIpAddresses()) {
      if (a.privateIpAddress() != null) {
        all.add(a.privateIpAddress());
      }
    }
    if (all.isEmpty() && eni.privateIpAddress() != null) {
      all.add(eni.privateIpAddress());
    }
    for (NetworkInterfaceIpv6Address a : eni.ipv6Addresses()) {
      if (a.ipv6Address() != null) {
        all.add(a.ipv6Address());
      }
    }
    return all;
  }
}
