package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.model.VpcSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One endpoint in one VPC, every fact adjustable, for plan and safety tests. */
final class EstateFixture {
  static final String VPC = "vpc-1";
  static final String ENDPOINT = "vpce-1";
  static final String GROUP = "sg-1";
  static final String SERVICE = "com.amazonaws.us-east-1.ssm";
  /** An endpoint service the account offers (not part of {@link #estate()} unless added). */
  static final String ENDPOINT_SERVICE = "vpce-svc-0123456789abcdef0";
  static final String DEFAULT_POLICY =
      "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";

  EndpointType type = EndpointType.INTERFACE;
  boolean privateDnsEnabled = false;
  boolean requesterManaged = false;
  boolean managesVpcEndpoints = false;
  boolean policySupported = true;
  Optional<String> privateDnsName = Optional.of("ssm.us-east-1.amazonaws.com");
  String policy = DEFAULT_POLICY;
  boolean dnsSupport = true;
  boolean dnsHostnames = true;
  List<String> ipv4Cidrs = List.of("10.0.0.0/16");
  List<String> ipv6Cidrs = List.of("2600:1f18:1234:5600::/56");
  Set<String> offeredAzIds = Set.of("use1-az1", "use1-az2", "use1-az3");
  /** The VPC's subnets; those named in {@link #endpointSubnetIds} hold the endpoint. */
  List<SubnetInfo> subnets = new ArrayList<>(List.of(
      subnet("subnet-a", "use1-az1", false),
      subnet("subnet-b", "use1-az2", false),
      subnet("subnet-c", "use1-az3", false),
      subnet("subnet-pub", "use1-az3", true),
      subnet("subnet-d", "use1-az4", false)));
  List<String> endpointSubnetIds = List.of("subnet-a");
  List<IngressRule> ingress = List.of(
      new IngressRule(GROUP, "tcp", 443, 443, IngressRule.ANY_IPV4),
      new IngressRule(GROUP, "tcp", 443, 443, IngressRule.ANY_IPV6));
  List<String> groupOtherUsers = List.of();
  boolean groupUsageChecked = true;
  /** Subnets of other endpoint interfaces that use the group. */
  List<String> groupEndpointSubnetIds = List.of();
  /** The endpoint services the account offers, in the estate beside the endpoint. */
  List<EndpointServiceSnapshot> endpointServices = List.of();
  /** The VPC's route tables; empty Optional when not read. Default: a main table with no route to another network. */
  Optional<List<RouteTableInfo>> routeTables = Optional.of(List.of(new RouteTableInfo("rtb-main", true, List.of(),
      List.of())));
  /** Subnets of another VPC, visible in the estate. */
  List<SubnetInfo> otherVpcSubnets = List.of(new SubnetInfo("subnet-x", "vpc-2", "us-east-1b", "use1-az2", 200,
      false, Map.of()));

  static SubnetInfo subnet(String id, String azId, boolean isPublic) {
    return new SubnetInfo(id, VPC, "us-east-1-" + azId, azId, 250, isPublic, Map.of());
  }

  VpcSnapshot vpcSnapshot() {
    VpcInfo info = new VpcInfo(VPC, ipv4Cidrs, ipv6Cidrs, dnsSupport, dnsHostnames, Map.of());
    return new VpcSnapshot(info, subnets, List.of(new EndpointSummary(ENDPOINT, type, SERVICE, EndpointState.AVAILABLE,
        privateDnsEnabled, endpointSubnetIds)), Optional.of(List.of()), routeTables);
  }

  EndpointSnapshot endpoint() {
    List<SubnetInfo> own = subnets.stream().filter(s -> endpointSubnetIds.contains(s.subnetId())).toList();
    ServiceFacts service = new ServiceFacts(SERVICE, offeredAzIds, privateDnsName, policySupported,
        managesVpcEndpoints, true);
    SecurityGroupInfo group = new SecurityGroupInfo(GROUP, "endpoints", VPC, ingress, groupOtherUsers,
        groupUsageChecked, groupEndpointSubnetIds);
    return new EndpointSnapshot(ENDPOINT, type, SERVICE, EndpointState.AVAILABLE, privateDnsEnabled, requesterManaged, policy,
        own, List.of(group), Map.of(), service, vpcSnapshot());
  }

  Estate estate() {
    VpcSnapshot other = new VpcSnapshot(new VpcInfo("vpc-2", List.of("10.9.0.0/16"), List.of(), true, true,
        Map.of()), otherVpcSubnets, List.of(), Optional.empty());
    return new Estate("123456789012", "us-east-1", List.of(endpoint()), List.of(vpcSnapshot(), other))
        .withEndpointServices(endpointServices);
  }
}
