package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.SubnetInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which subnets would give an Interface endpoint more AZs: one per AZ the service offers and the endpoint does not
 * cover yet, never a public or full subnet. AWS allows one endpoint subnet per AZ and only offered AZs.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
final class SubnetChoice {
  private final List<SubnetInfo> bestPerAz;
  private final List<String> rejected;

  private SubnetChoice(List<SubnetInfo> bestPerAz, List<String> rejected) {
    this.bestPerAz = List.copyOf(bestPerAz);
    this.rejected = List.copyOf(rejected);
  }

  static SubnetChoice forEndpoint(EndpointSnapshot endpoint) {
    Set<String> covered = endpoint.coveredAzIds();
    Set<String> offered = endpoint.service().offeredAzIds();
    Comparator<SubnetInfo> preference = preference(endpoint.vpc().subnetsHoldingInterfaceEndpoints());
    Map<String, SubnetInfo> bestByAz = new TreeMap<>();
    List<String> rejected = new ArrayList<>();
    List<SubnetInfo> subnets = endpoint.vpc().subnets().stream()
        .filter(s -> s.vpcId().equals(endpoint.vpcId()))
        .filter(s -> offered.contains(s.azId()) && !covered.contains(s.azId()))
        .sorted(Comparator.comparing(SubnetInfo::subnetId))
        .toList();
    for (SubnetInfo subnet : subnets) {
      if (subnet.isPublic()) {
        rejected.add(subnet.subnetId() + " (" + subnet.azId() + ") is public");
      } else if (subnet.availableIps() <= 0) {
        rejected.add(subnet.subnetId() + " (" + subnet.azId() + ") has no free addresses");
      } else {
        bestByAz.merge(subnet.azId(), subnet, (a, b) -> preference.compare(a, b) <= 0 ? a : b);
      }
    }
    List<SubnetInfo> ordered = bestByAz.values().stream()
        .sorted(preference.thenComparing(SubnetInfo::azId))
        .toList();
    return new SubnetChoice(ordered, rejected);
  }

  /**
   * Best first: subnets already holding interface endpoints, then tagged for endpoints, then the most free
   * addresses. Public subnets never get this far, so every candidate is private.
   */
  private static Comparator<SubnetInfo> preference(Set<String> holdingEndpoints) {
    return Comparator.comparing((SubnetInfo s) -> !holdingEndpoints.contains(s.subnetId()))
        .thenComparing(s -> !s.taggedForEndpoints())
        .thenComparing(SubnetInfo::availableIps, Comparator.reverseOrder());
  }

  /** The best subnet of each of the first {@code azs} AZs (best candidate first, then AZ id); fewer if short. */
  List<SubnetInfo> pick(int azs) {
    return bestPerAz.subList(0, Math.min(azs, bestPerAz.size()));
  }

  /**
   * Why no (further) subnet can be added. Required AZs never exceed the offered AZs where the VPC has a subnet, so
   * a shortfall always comes from subnets rejected here.
   */
  String whyNoMore() {
    return "the only other subnets in AZs the service offers are unusable: " + String.join(", ", rejected);
  }
}
