package dev.endpointguard.report;

import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.VpcSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Availability Zones each Interface endpoint of a VPC covers, beside the AZs where the VPC has subnets: the
 * picture of a VPC the HTML report draws. AZs are AZ ids ({@code use1-az1}), which name the same physical zone in every
 * account, unlike AZ names ({@code us-east-1a}), which are mapped per account
 * (https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html). An Interface endpoint has one network
 * interface in each subnet it is given, so the AZs of its subnets are the AZs it serves
 * (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
 *
 * @param vpcId     the VPC
 * @param zones     the AZs where the VPC has subnets, by AZ id, ascending
 * @param endpoints the VPC's Interface endpoints, by endpoint id
 */
public record VpcCoverage(String vpcId, List<Zone> zones, List<EndpointCoverage> endpoints) {
  public VpcCoverage {
    Objects.requireNonNull(vpcId, "vpcId");
    zones = List.copyOf(zones);
    endpoints = List.copyOf(endpoints);
  }

  /**
   * One AZ of the VPC.
   *
   * @param azId   the AZ id, e.g. {@code use1-az1}
   * @param azName the name the scanned account maps it to, e.g. {@code us-east-1a} (every subnet carries both)
   */
  public record Zone(String azId, String azName) {
    public Zone {
      Objects.requireNonNull(azId, "azId");
      Objects.requireNonNull(azName, "azName");
    }
  }

  /**
   * One Interface endpoint of the VPC.
   *
   * @param endpointId          the endpoint ({@code vpce-…})
   * @param serviceName         its service ({@code com.amazonaws.us-east-1.ssm})
   * @param state               its state as DescribeVpcEndpoints reports it, lower case ({@code available}, …)
   * @param coveredAzIds        the AZ ids of its subnets, ascending
   * @param subnetsOfUnknownAz  its subnets whose AZ the inventory could not read (not among the VPC's subnets read):
   *                            the AZs it covers may be more than {@code coveredAzIds} says
   */
  public record EndpointCoverage(String endpointId, String serviceName, String state, Set<String> coveredAzIds,
                                 List<String> subnetsOfUnknownAz) {
    public EndpointCoverage {
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(serviceName, "serviceName");
      Objects.requireNonNull(state, "state");
      coveredAzIds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(coveredAzIds));
      subnetsOfUnknownAz = List.copyOf(subnetsOfUnknownAz);
    }

    /** Whether the endpoint has a subnet in AZ {@code azId}. */
    public boolean covers(String azId) {
      return coveredAzIds.contains(azId);
    }
  }

  /** The VPC's AZ ids, ascending. */
  public List<String> azIds() {
    return zones.stream().map(Zone::azId).toList();
  }

  /** The AZ ids where the VPC has subnets and {@code endpoint} has none, ascending: VPC AZs − endpoint AZs. */
  public List<String> missingAzIds(EndpointCoverage endpoint) {
    return azIds().stream().filter(az -> !endpoint.covers(az)).toList();
  }

  /**
   * The coverage of every VPC the estate read, in the estate's VPC order. A VPC's Interface endpoints are all those
   * DescribeVpcEndpoints listed in it (in scope or not); Gateway and Gateway Load Balancer endpoints have no AZs to
   * show and are left out. An endpoint's AZs are those of its subnets among the VPC's subnets (the inventory reads
   * every subnet of the VPC). Pure.
   *
   * @return one coverage per VPC of {@code estate}; empty when it read none
   */
  public static List<VpcCoverage> of(Estate estate) {
    return estate.vpcs().stream().map(VpcCoverage::of).toList();
  }

  private static VpcCoverage of(VpcSnapshot vpc) {
    Map<String, SubnetInfo> subnets = new HashMap<>();
    Map<String, String> zoneNames = new TreeMap<>();
    for (SubnetInfo s : vpc.subnets()) {
      subnets.put(s.subnetId(), s);
      zoneNames.putIfAbsent(s.azId(), s.azName());
    }
    Map<String, EndpointCoverage> endpoints = new TreeMap<>();
    for (EndpointSummary e : vpc.endpoints()) {
      if (e.type() != EndpointType.INTERFACE || endpoints.containsKey(e.endpointId())) {
        continue;
      }
      Set<String> covered = new TreeSet<>();
      List<String> unknown = new ArrayList<>();
      for (String subnetId : e.subnetIds()) {
        SubnetInfo s = subnets.get(subnetId);
        if (s == null) {
          unknown.add(subnetId);
        } else {
          covered.add(s.azId());
        }
      }
      endpoints.put(e.endpointId(), new EndpointCoverage(e.endpointId(), e.serviceName(), e.state().value(), covered,
          unknown));
    }
    List<Zone> zones = zoneNames.entrySet().stream().map(z -> new Zone(z.getKey(), z.getValue())).toList();
    return new VpcCoverage(vpc.vpcId(), zones, List.copyOf(endpoints.values()));
  }
}
