package dev.endpointguard.inventory;

import dev.endpointguard.model.ServiceFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.PrivateDnsDetails;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

/**
 * Endpoint service facts and the region's AZ name → AZ id map. Both change rarely, so they are cached for the life of
 * this object: keep one per process (a Lambda container reuses it across invocations).
 */
public final class ServiceCatalog {
  static final String INVALID_SERVICE_NAME = "InvalidServiceName";
  /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html (MaxResults ≤ 1000) */
  static final int PAGE_SIZE = 1000;

  private record Key(String region, String name) {
  }

  private final Map<Key, ServiceFacts> services = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> azIdsByRegion = new ConcurrentHashMap<>();

  /** Facts for each service name; names AWS does not describe get {@link ServiceFacts#unknown}. */
  Map<String, ServiceFacts> facts(Ec2Client ec2, String region, Collection<String> serviceNames,
                                  Consumer<InventoryProblem> problems) {
    Set<String> missing = new TreeSet<>();
    for (String name : serviceNames) {
      if (!services.containsKey(new Key(region, name))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      List<ServiceDetail> described = describe(ec2, missing, problems).stream()
          .filter(d -> d.serviceName() != null && missing.contains(d.serviceName())).toList();
      // AWS names each service's AZs by id too (ServiceDetail.AvailabilityZoneIds); the Region's name → id map is
      // read only when a service lacks them.
      Map<String, String> azIds = described.stream().allMatch(ServiceCatalog::namesItsAzIds) ? Map.of()
          : azIds(ec2, region);
      for (ServiceDetail d : described) {
        services.putIfAbsent(new Key(region, d.serviceName()), toFacts(d, azIds));
      }
    }
    Map<String, ServiceFacts> answer = new HashMap<>();
    for (String name : serviceNames) {
      ServiceFacts f = services.get(new Key(region, name));
      if (f == null) {
        problems.accept(InventoryProblem.incomplete(name, "DescribeVpcEndpointServices does not describe this service in "
            + region + ", so the AZs it offers, its private DNS name and whether it takes endpoint policies are unknown"));
        f = ServiceFacts.unknown(name);
      }
      answer.put(name, f);
    }
    return answer;
  }

  /** AZ name → AZ id for the region, read once (all zones, opted in or not). */
  Map<String, String> azIds(Ec2Client ec2, String region) {
    return azIdsByRegion.computeIfAbsent(region, r -> {
      Map<String, String> map = new HashMap<>();
      for (AvailabilityZone z : ec2.describeAvailabilityZones(b -> b.allAvailabilityZones(true))
          .availabilityZones()) {
        if (z.zoneName() != null && z.zoneId() != null) {
          map.put(z.zoneName(), z.zoneId());
        }
      }
      return Map.copyOf(map);
    });
  }

  /**
   * By ServiceNames, one page per 1,000 services. AWS fails the whole call on one unknown name; then the region's
   * full list is read once (a few pages) and the unknown names stay undescribed.
   */
  private static List<ServiceDetail> describe(Ec2Client ec2, Set<String> names, Consumer<InventoryProblem> problems) {
    try {
      return pages(ec2, DescribeVpcEndpointServicesRequest.builder().serviceNames(names).maxResults(PAGE_SIZE));
    } catch (Ec2Exception e) {
      if (!INVALID_SERVICE_NAME.equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
      return pages(ec2, DescribeVpcEndpointServicesRequest.builder().maxResults(PAGE_SIZE));
    }
  }

  private static List<ServiceDetail> pages(Ec2Client ec2, DescribeVpcEndpointServicesRequest.Builder request) {
    java.util.ArrayList<ServiceDetail> details = new java.util.ArrayList<>();
    String token = null;
    do {
      DescribeVpcEndpointServicesResponse r = ec2.describeVpcEndpointServices(request.nextToken(token).build());
      details.addAll(r.serviceDetails());
      token = r.nextToken() == null || r.nextToken().isBlank() ? null : r.nextToken();
    } while (token != null);
    return details;
  }

  /**
   * True when the detail gives the id of every AZ it names (ServiceDetail.AvailabilityZoneIds, one per entry of
   * AvailabilityZones: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceDetail.html), none of them
   * blank, or names none.
   */
  static boolean namesItsAzIds(ServiceDetail d) {
    return d.availabilityZones().isEmpty()
        || d.hasAvailabilityZoneIds() && d.availabilityZoneIds().size() == d.availabilityZones().size()
        && d.availabilityZoneIds().stream().allMatch(id -> id != null && !id.isBlank());
  }

  /**
   * The facts rules use about one service. Rules compare AZ ids, which name the same zone in every account: taken
   * from the detail's AvailabilityZoneIds when it gives them all, else translated from its AZ names with
   * {@code azIds} (AZ name → AZ id; a name missing there is left out).
   */
  static ServiceFacts toFacts(ServiceDetail d, Map<String, String> azIds) {
    Set<String> offered = new TreeSet<>();
    if (namesItsAzIds(d)) {
      offered.addAll(d.availabilityZoneIds());
    } else {
      for (String zoneName : d.availabilityZones()) {
        String id = azIds.get(zoneName);
        if (id != null) {
          offered.add(id);
        }
      }
    }
    return new ServiceFacts(d.serviceName(), offered, privateDnsName(d),
        d.vpcEndpointPolicySupported() == null || d.vpcEndpointPolicySupported(),
        Boolean.TRUE.equals(d.managesVpcEndpoints()), true,
        Optional.ofNullable(d.owner()).filter(o -> !o.isBlank()));
  }

  private static Optional<String> privateDnsName(ServiceDetail d) {
    Optional<String> name = Optional.ofNullable(d.privateDnsName()).filter(n -> !n.isBlank());
    if (name.isEmpty()) {
      name = d.privateDnsNames().stream().map(PrivateDnsDetails::privateDnsName)
          .filter(n -> n != null && !n.isBlank()).findFirst();
    }
    return name.map(HostedZones::withoutTrailingDot);
  }
}
