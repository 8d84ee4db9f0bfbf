package dev.endpointguard.inventory;

import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.VpcInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/**
 * VPCs, their DNS attributes, subnets and route tables: a fixed number of calls per batch of VPCs plus two per VPC (made
 * a few VPCs at a time, {@link ConcurrentReads}), and one per prefix list that a route to another network uses.
 */
final class VpcReader {

  /** A VPC with all its subnets and route tables. */
  record VpcParts(VpcInfo info, List<SubnetInfo> subnets, List<RouteTableInfo> routeTables) {
    VpcParts {
      subnets = List.copyOf(subnets);
      routeTables = List.copyOf(routeTables);
    }
  }

  private final Ec2Client ec2;
  private final PrefixListReader prefixLists;

  VpcReader(Ec2Client ec2) {
    this.ec2 = ec2;
    this.prefixLists = new PrefixListReader(ec2);
  }

  /**
   * The VPCs found, keyed by id; a VPC AWS does not know is reported and left out. The prefix lists that routes to
   * networks with clients use are read once each, whatever the number of tables and VPCs using them.
   *
   * @param gatewayEndpointIds the Gateway endpoints of these VPCs, whose routes bring no clients
   */
  Map<String, VpcParts> read(Collection<String> vpcIds, Set<String> gatewayEndpointIds,
                             Consumer<InventoryProblem> problems) {
    Set<String> wanted = Set.copyOf(vpcIds);
    Map<String, Vpc> vpcs = new TreeMap<>();
    List<Subnet> subnets = new ArrayList<>();
    List<RouteTable> tables = new ArrayList<>();
    for (List<String> batch : Batches.of(new java.util.TreeSet<>(wanted), Batches.FILTER_VALUES)) {
      // Filters, not VpcIds: an unknown id then drops out instead of failing the whole call.
      Filter byVpc = Filter.builder().name("vpc-id").values(batch).build();
      ec2.describeVpcsPaginator(b -> b.filters(byVpc)).vpcs().forEach(v -> {
        if (v.vpcId() != null) {
          vpcs.put(v.vpcId(), v);
        }
      });
      ec2.describeSubnetsPaginator(b -> b.filters(byVpc)).subnets().forEach(subnets::add);
      ec2.describeRouteTablesPaginator(b -> b.filters(byVpc)).routeTables().forEach(tables::add);
    }
    wanted.stream().filter(id -> !vpcs.containsKey(id))
        .forEach(id -> problems.accept(new InventoryProblem(id, "no such VPC in this account and region")));
    // The DNS attributes (two calls per VPC) are read side by side with the rest, a few VPCs at a time.
    List<String> found = List.copyOf(vpcs.keySet());
    CompletableFuture<List<DnsAttributes>> dnsRead =
        ConcurrentReads.start(() -> ConcurrentReads.each(found, this::dnsAttributes));
    try {
      Map<String, String> subnetVpcs = new HashMap<>();
      subnets.forEach(s -> {
        if (s.subnetId() != null && s.vpcId() != null) {
          subnetVpcs.put(s.subnetId(), s.vpcId());
        }
      });
      Set<String> publicSubnets = PublicSubnets.among(subnetVpcs, tables);
      Map<String, PrefixListReader.Entries> lists =
          prefixLists.read(RouteTables.prefixListsToRead(tables, gatewayEndpointIds), problems);
      Map<String, List<RouteTableInfo>> tablesByVpc = new HashMap<>();
      for (RouteTable t : tables) {
        if (t.routeTableId() != null && t.vpcId() != null) {
          tablesByVpc.computeIfAbsent(t.vpcId(), k -> new ArrayList<>())
              .add(RouteTables.toInfo(t, gatewayEndpointIds, lists));
        }
      }
      Map<String, List<SubnetInfo>> subnetsByVpc = new HashMap<>();
      for (Subnet s : subnets) {
        subnetInfo(s, publicSubnets, problems)
            .ifPresent(info -> subnetsByVpc.computeIfAbsent(info.vpcId(), k -> new ArrayList<>()).add(info));
      }

      Map<String, VpcParts> parts = new TreeMap<>();
      for (DnsAttributes dns : ConcurrentReads.join(dnsRead)) {
        Vpc v = vpcs.get(dns.vpcId());
        dns.problems().forEach(problems);
        VpcInfo info = new VpcInfo(v.vpcId(), ipv4Cidrs(v), ipv6Cidrs(v), dns.enableDnsSupport(),
            dns.enableDnsHostnames(), Ec2Tags.toMap(v.tags()));
        parts.put(v.vpcId(), new VpcParts(info, subnetsByVpc.getOrDefault(v.vpcId(), List.of()),
            tablesByVpc.getOrDefault(v.vpcId(), List.of())));
      }
      return parts;
    } finally {
      dnsRead.exceptionally(e -> null).join(); // nothing left running when another read failed
    }
  }

  /** A VPC's two DNS attributes, with what could not be read of them. */
  private record DnsAttributes(String vpcId, boolean enableDnsSupport, boolean enableDnsHostnames,
                               List<InventoryProblem> problems) {
  }

  /** Two calls: DescribeVpcAttribute takes a single attribute name. */
  private DnsAttributes dnsAttributes(String vpcId) {
    List<InventoryProblem> problems = new ArrayList<>();
    boolean support = attribute(vpcId, VpcAttributeName.ENABLE_DNS_SUPPORT, problems::add);
    boolean hostnames = attribute(vpcId, VpcAttributeName.ENABLE_DNS_HOSTNAMES, problems::add);
    return new DnsAttributes(vpcId, support, hostnames, problems);
  }

  private static java.util.Optional<SubnetInfo> subnetInfo(Subnet s, Set<String> publicSubnets,
                                                           Consumer<InventoryProblem> problems) {
    if (s.subnetId() == null || s.vpcId() == null || s.availabilityZone() == null
        || s.availabilityZoneId() == null) {
      problems.accept(new InventoryProblem(s.subnetId() == null ? "(unknown subnet)" : s.subnetId(),
          "DescribeSubnets returned it without VPC, AZ name or AZ id"));
      return java.util.Optional.empty();
    }
    int free = s.availableIpAddressCount() == null ? 0 : s.availableIpAddressCount();
    return java.util.Optional.of(new SubnetInfo(s.subnetId(), s.vpcId(), s.availabilityZone(),
        s.availabilityZoneId(), free, publicSubnets.contains(s.subnetId()), Ec2Tags.toMap(s.tags())));
  }

  private static List<String> ipv4Cidrs(Vpc v) {
    List<String> cidrs = v.cidrBlockAssociationSet().stream()
        .filter(a -> a.cidrBlockState() == null || "associated".equals(a.cidrBlockState().stateAsString()))
        .map(VpcCidrBlockAssociation::cidrBlock).filter(c -> c != null).distinct().toList();
    if (cidrs.isEmpty() && v.cidrBlock() != null) {
      return List.of(v.cidrBlock());
    }
    return cidrs;
  }

  private static List<String> ipv6Cidrs(Vpc v) {
    return v.ipv6CidrBlockAssociationSet().stream()
        .filter(a -> a.ipv6CidrBlockState() == null
            || "associated".equals(a.ipv6CidrBlockState().stateAsString()))
        .map(VpcIpv6CidrBlockAssociation::ipv6CidrBlock).filter(c -> c != null).distinct().toList();
  }

  /** One attribute per call: DescribeVpcAttribute takes a single attribute name. */
  private boolean attribute(String vpcId, VpcAttributeName name, Consumer<InventoryProblem> problems) {
    DescribeVpcAttributeResponse r = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(name));
    AttributeBooleanValue value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
        ? r.enableDnsSupport() : r.enableDnsHostnames();
    if (value == null || value.value() == null) {
      problems.accept(InventoryProblem.incomplete(vpcId, "DescribeVpcAttribute returned no " + name + "; read as off"));
      return false;
    }
    return value.value();
  }
}
