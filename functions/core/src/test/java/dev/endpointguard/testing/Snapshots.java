package dev.endpointguard.testing;

import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.Tags;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.rules.RuleContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Short builders for snapshots in tests. Defaults describe a healthy estate in us-east-1: an available Interface
 * endpoint for SSM with private DNS on and the default full-access policy, in a VPC with both DNS attributes on.
 * An endpoint's subnets and the endpoint itself are added to its VPC snapshot, as the inventory does.
 */
public final class Snapshots {
  public static final String ACCOUNT = "123456789012";
  public static final String VPC_ID = "vpc-0a1";
  public static final String SSM = "com.amazonaws.us-east-1.ssm";
  public static final String SSM_DNS = "ssm.us-east-1.amazonaws.com";
  public static final String S3 = "com.amazonaws.us-east-1.s3";
  public static final Set<String> US_EAST_1_AZS =
      Set.of("use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6");
  public static final String FULL_ACCESS_POLICY = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private Snapshots() {
  }

  /** The default settings for account {@link #ACCOUNT}. */
  public static RuleContext context() {
    return context(ACCOUNT);
  }

  /** The default settings (no trusted accounts or organizations) for {@code accountId}. */
  public static RuleContext context(String accountId) {
    return new RuleContext(accountId, RuleContext.DEFAULT_MIN_AZS, Set.of(), Set.of(),
        RuleContext.DEFAULT_AZ_HOUR_PRICE);
  }

  /**
   * An endpoint service this account offers in us-east-1: Available, acceptance not required, not managed by an AWS
   * service, no tags, no allowed principal.
   */
  public static EndpointServiceBuilder endpointService(String serviceId) {
    return new EndpointServiceBuilder(serviceId);
  }

  public static SubnetBuilder subnet(String subnetId, String azId) {
    return new SubnetBuilder(subnetId, azId);
  }

  /** A known AWS service offered in every us-east-1 AZ, with private DNS {@code <name>.us-east-1.amazonaws.com}. */
  public static ServiceBuilder service(String serviceName) {
    return new ServiceBuilder(serviceName);
  }

  public static VpcBuilder vpc() {
    return new VpcBuilder(VPC_ID);
  }

  public static VpcBuilder vpc(String vpcId) {
    return new VpcBuilder(vpcId);
  }

  public static EndpointBuilder endpoint(String endpointId) {
    return new EndpointBuilder(endpointId);
  }

  public static SecurityGroupBuilder group(String groupId) {
    return new SecurityGroupBuilder(groupId);
  }

  /** A route table with no association, not main, no routes. */
  public static RouteTableBuilder routeTable(String routeTableId) {
    return new RouteTableBuilder(routeTableId);
  }

  public static IngressRule ingress(String groupId, String protocol, int fromPort, int toPort, String source) {
    return new IngressRule(groupId, protocol, fromPort, toPort, source);
  }

  /** Another endpoint of the VPC, as rules about siblings see it. */
  public static EndpointSummary summary(String endpointId, EndpointType type, String serviceName,
                                        boolean privateDns, String... subnetIds) {
    return new EndpointSummary(endpointId, type, serviceName, EndpointState.AVAILABLE, privateDns, List.of(subnetIds));
  }

  /** Another Interface endpoint of the VPC with these DNS names ({@code DnsEntries}), no subnets. */
  public static EndpointSummary interfaceSummary(String endpointId, String serviceName, boolean privateDns,
                                                 String... dnsNames) {
    return new EndpointSummary(endpointId, EndpointType.INTERFACE, serviceName, EndpointState.AVAILABLE, privateDns, List.of(),
        Map.of(), List.of(dnsNames));
  }

  /** An active route to a CIDR destination. */
  public static RouteEntry routeToCidr(String cidr, RouteTarget targetType, String target) {
    return new RouteEntry(cidr, targetType, target, false, List.of(cidr), Optional.empty());
  }

  /** An active route to a prefix list whose entries were read. */
  public static RouteEntry routeToPrefixList(String prefixListId, List<String> entries, RouteTarget targetType,
                                             String target) {
    return new RouteEntry(prefixListId, targetType, target, false, entries, Optional.empty());
  }

  /** An alias record of {@code type} to {@code dnsName} in hosted zone {@code hostedZoneId}. */
  public static DnsRecord aliasRecord(String name, String type, String dnsName, String hostedZoneId) {
    return new DnsRecord(name, type, Optional.of(dnsName), Optional.of(hostedZoneId), List.of());
  }

  /** A record that is not an alias, with its values. */
  public static DnsRecord plainRecord(String name, String type, String... values) {
    return new DnsRecord(name, type, Optional.empty(), Optional.empty(), List.of(values));
  }

  /** Subnet builder: private, 250 free addresses, untagged, in {@link #VPC_ID}. */
  public static final class SubnetBuilder {
    private final String subnetId;
    private final String azId;
    private String vpcId = VPC_ID;
    private int availableIps = 250;
    private boolean isPublic;
    private final Map<String, String> tags = new HashMap<>();
    private String azName;

    private SubnetBuilder(String subnetId, String azId) {
      this.subnetId = subnetId;
      this.azId = azId;
      this.azName = defaultAzName(azId);
    }

    /** The AZ name the account maps the AZ id to (default: use1-az2 → us-east-1b). */
    public SubnetBuilder azName(String name) {
      this.azName = name;
      return this;
    }

    public SubnetBuilder freeIps(int count) {
      this.availableIps = count;
      return this;
    }

    public SubnetBuilder publicSubnet() {
      this.isPublic = true;
      return this;
    }

    public SubnetBuilder taggedForEndpoints() {
      tags.put(Tags.ENDPOINT_SUBNET, "true");
      return this;
    }

    public SubnetBuilder inVpc(String id) {
      this.vpcId = id;
      return this;
    }

    public SubnetInfo build() {
      return new SubnetInfo(subnetId, vpcId, azName, azId, availableIps, isPublic, tags);
    }

    /** use1-az2 → us-east-1b: stable and readable; real accounts map ids to names differently. */
    private static String defaultAzName(String azId) {
      char last = azId.charAt(azId.length() - 1);
      return "us-east-1" + (Character.isDigit(last) ? (char) ('a' + last - '1') : 'x');
    }
  }

  /** Service facts builder. */
  public static final class ServiceBuilder {
    private final String serviceName;
    private Set<String> offered = US_EAST_1_AZS;
    private Optional<String> privateDnsName;
    private boolean policySupported = true;
    private boolean managesEndpoints;
    private boolean known = true;
    private Optional<String> owner = Optional.of(ServiceFacts.AMAZON);

    private ServiceBuilder(String serviceName) {
      this.serviceName = serviceName;
      String shortName = serviceName.substring(serviceName.lastIndexOf('.') + 1);
      this.privateDnsName = Optional.of(shortName + ".us-east-1.amazonaws.com");
    }

    public ServiceBuilder offeredIn(String... azIds) {
      this.offered = Set.of(azIds);
      return this;
    }

    public ServiceBuilder privateDnsName(String name) {
      this.privateDnsName = Optional.of(name);
      return this;
    }

    public ServiceBuilder noPrivateDnsName() {
      this.privateDnsName = Optional.empty();
      return this;
    }

    public ServiceBuilder policyUnsupported() {
      this.policySupported = false;
      return this;
    }

    public ServiceBuilder managesEndpoints() {
      this.managesEndpoints = true;
      return this;
    }

    /** As the inventory records a service DescribeVpcEndpointServices did not return. */
    public ServiceBuilder unknown() {
      this.known = false;
      this.offered = Set.of();
      this.privateDnsName = Optional.empty();
      this.owner = Optional.empty();
      return this;
    }

    /** A customer's or partner's endpoint service owned by {@code account}, without private DNS. */
    public ServiceBuilder ownedBy(String account) {
      this.owner = Optional.of(account);
      this.privateDnsName = Optional.empty();
      return this;
    }

    public ServiceFacts build() {
      return new ServiceFacts(serviceName, offered, privateDnsName, policySupported, managesEndpoints, known, owner);
    }
  }

  /**
   * VPC builder: 10.0.0.0/16, no IPv6, both DNS attributes on, no private hosted zones associated (looked up, as the
   * inventory does for a VPC holding an endpoint with private DNS off), one main route table {@code rtb-main} with no
   * route to another network.
   */
  public static final class VpcBuilder {
    private final String vpcId;
    private Optional<List<RouteTableBuilder>> routeTables = Optional.of(List.of(routeTable("rtb-main").main()));
    private List<String> ipv4 = List.of("10.0.0.0/16");
    private List<String> ipv6 = List.of();
    private boolean dnsSupport = true;
    private boolean dnsHostnames = true;
    private final List<SubnetInfo> subnets = new ArrayList<>();
    private final List<EndpointSummary> endpoints = new ArrayList<>();
    private Optional<List<HostedZoneRef>> zones = Optional.of(List.of());

    private VpcBuilder(String vpcId) {
      this.vpcId = vpcId;
    }

    public VpcBuilder cidrs(List<String> ipv4Cidrs, List<String> ipv6Cidrs) {
      this.ipv4 = List.copyOf(ipv4Cidrs);
      this.ipv6 = List.copyOf(ipv6Cidrs);
      return this;
    }

    public VpcBuilder dnsSupport(boolean on) {
      this.dnsSupport = on;
      return this;
    }

    public VpcBuilder dnsHostnames(boolean on) {
      this.dnsHostnames = on;
      return this;
    }

    public VpcBuilder subnets(SubnetBuilder... more) {
      Arrays.stream(more).map(SubnetBuilder::build).forEach(subnets::add);
      return this;
    }

    public VpcBuilder endpoints(EndpointSummary... more) {
      endpoints.addAll(List.of(more));
      return this;
    }

    /** The private hosted zones associated with the VPC, as looked up (possibly none). */
    public VpcBuilder hostedZones(HostedZoneRef... zoneRefs) {
      this.zones = Optional.of(List.of(zoneRefs));
      return this;
    }

    /** The VPC's route tables, in place of the default main one. */
    public VpcBuilder routeTables(RouteTableBuilder... tables) {
      this.routeTables = Optional.of(List.of(tables));
      return this;
    }

    /** As the inventory records a VPC whose route tables it did not read. */
    public VpcBuilder routeTablesNotRead() {
      this.routeTables = Optional.empty();
      return this;
    }

    /** The private hosted zones were not looked up (or could not be listed). */
    public VpcBuilder hostedZonesUnknown() {
      this.zones = Optional.empty();
      return this;
    }

    public VpcSnapshot build() {
      return build(List.of(), Optional.empty());
    }

    VpcSnapshot build(List<SubnetInfo> endpointSubnets, Optional<EndpointSummary> self) {
      Map<String, SubnetInfo> all = new java.util.LinkedHashMap<>();
      subnets.forEach(s -> all.put(s.subnetId(), s));
      endpointSubnets.forEach(s -> all.putIfAbsent(s.subnetId(), s));
      List<EndpointSummary> allEndpoints = new ArrayList<>(endpoints);
      self.filter(e -> endpoints.stream().noneMatch(o -> o.endpointId().equals(e.endpointId())))
          .ifPresent(allEndpoints::add);
      return new VpcSnapshot(new VpcInfo(vpcId, ipv4, ipv6, dnsSupport, dnsHostnames, Map.of()),
          List.copyOf(all.values()), allEndpoints, zones,
          routeTables.map(tables -> tables.stream().map(RouteTableBuilder::build).toList()));
    }
  }

  /** Endpoint builder: an available Interface endpoint for SSM, private DNS on, full-access policy. */
  public static final class EndpointBuilder {
    private final String endpointId;
    private EndpointType type = EndpointType.INTERFACE;
    private ServiceFacts service = Snapshots.service(SSM).build();
    private EndpointState state = EndpointState.AVAILABLE;
    private boolean privateDns = true;
    private boolean requesterManaged;
    private String policy = FULL_ACCESS_POLICY;
    private final List<SubnetInfo> subnets = new ArrayList<>();
    private final List<SecurityGroupInfo> groups = new ArrayList<>();
    private VpcBuilder vpc = Snapshots.vpc();
    private List<String> dnsNames = List.of();
    private Optional<List<String>> interfaceAddresses = Optional.empty();
    private Map<String, String> tags = Map.of();

    private EndpointBuilder(String endpointId) {
      this.endpointId = endpointId;
    }

    public EndpointBuilder type(EndpointType endpointType) {
      this.type = endpointType;
      return this;
    }

    public EndpointBuilder service(ServiceBuilder facts) {
      this.service = facts.build();
      return this;
    }

    public EndpointBuilder state(String endpointState) {
      this.state = EndpointState.of(endpointState);
      return this;
    }

    public EndpointBuilder privateDns(boolean on) {
      this.privateDns = on;
      return this;
    }

    public EndpointBuilder requesterManaged() {
      this.requesterManaged = true;
      return this;
    }

    public EndpointBuilder policy(String document) {
      this.policy = document;
      return this;
    }

    public EndpointBuilder subnets(SubnetBuilder... more) {
      Arrays.stream(more).map(SubnetBuilder::build).forEach(subnets::add);
      return this;
    }

    public EndpointBuilder groups(SecurityGroupBuilder... more) {
      Arrays.stream(more).map(SecurityGroupBuilder::build).forEach(groups::add);
      return this;
    }

    public EndpointBuilder vpc(VpcBuilder builder) {
      this.vpc = builder;
      return this;
    }

    /** Its {@code DnsEntries} names, as DescribeVpcEndpoints gives them. */
    public EndpointBuilder dnsNames(String... names) {
      this.dnsNames = List.of(names);
      return this;
    }

    /** The addresses of its network interfaces, as read (default: not read). */
    public EndpointBuilder interfaceAddresses(String... addresses) {
      this.interfaceAddresses = Optional.of(List.of(addresses));
      return this;
    }

    /** The endpoint's tags (exemptions). */
    public EndpointBuilder tags(Map<String, String> endpointTags) {
      this.tags = Map.copyOf(endpointTags);
      return this;
    }

    public EndpointSnapshot build() {
      List<String> subnetIds = subnets.stream().map(SubnetInfo::subnetId).toList();
      EndpointSummary self = new EndpointSummary(endpointId, type, service.serviceName(), state, privateDns,
          subnetIds, tags, dnsNames);
      VpcSnapshot vpcSnapshot = vpc.build(subnets, Optional.of(self));
      return new EndpointSnapshot(endpointId, type, service.serviceName(), state, privateDns, requesterManaged,
          policy, subnets, groups, tags, service, vpcSnapshot, dnsNames, interfaceAddresses);
    }
  }

  /** Route table builder: routes in the order added. */
  public static final class RouteTableBuilder {
    private final String routeTableId;
    private boolean main;
    private final List<String> subnetIds = new ArrayList<>();
    private final List<RouteEntry> routes = new ArrayList<>();

    private RouteTableBuilder(String routeTableId) {
      this.routeTableId = routeTableId;
    }

    /** The VPC's main table: used by every subnet without an explicit association. */
    public RouteTableBuilder main() {
      this.main = true;
      return this;
    }

    public RouteTableBuilder associatedWith(String... subnets) {
      subnetIds.addAll(List.of(subnets));
      return this;
    }

    /** An active route from a CIDR destination to {@code target}. */
    public RouteTableBuilder route(String cidr, RouteTarget type, String target) {
      routes.add(routeToCidr(cidr, type, target));
      return this;
    }

    /** A route whose target is gone. */
    public RouteTableBuilder blackhole(String cidr, RouteTarget type, String target) {
      routes.add(new RouteEntry(cidr, type, target, true, List.of(cidr), Optional.empty()));
      return this;
    }

    /** An active route to a prefix list whose entries were read. */
    public RouteTableBuilder prefixListRoute(String prefixListId, List<String> entries, RouteTarget type,
                                             String target) {
      routes.add(routeToPrefixList(prefixListId, entries, type, target));
      return this;
    }

    /** An active route to a prefix list whose entries could not be read. */
    public RouteTableBuilder unreadablePrefixListRoute(String prefixListId, RouteTarget type, String target,
                                                       String why) {
      routes.add(new RouteEntry(prefixListId, type, target, false, List.of(), Optional.of(why)));
      return this;
    }

    public RouteTableInfo build() {
      return new RouteTableInfo(routeTableId, main, subnetIds, routes);
    }
  }

  /** Security group builder: no rules, used by VPC endpoints alone (usage checked). */
  public static final class SecurityGroupBuilder {
    private final String groupId;
    private final List<String> endpointSubnetIds = new ArrayList<>();
    private final List<IngressRule> ingress = new ArrayList<>();
    private final Set<String> otherUsers = new LinkedHashSet<>();
    private boolean usageChecked = true;

    private SecurityGroupBuilder(String groupId) {
      this.groupId = groupId;
    }

    /** Adds an ingress rule of this group. */
    public SecurityGroupBuilder allow(String protocol, int fromPort, int toPort, String source) {
      ingress.add(new IngressRule(groupId, protocol, fromPort, toPort, source));
      return this;
    }

    public SecurityGroupBuilder usedBy(String... users) {
      otherUsers.addAll(List.of(users));
      return this;
    }

    public SecurityGroupBuilder usageUnknown() {
      this.usageChecked = false;
      return this;
    }

    /** The subnets of the endpoint interfaces using the group, as the inventory lists them. */
    public SecurityGroupBuilder endpointInterfacesIn(String... subnetIds) {
      endpointSubnetIds.addAll(List.of(subnetIds));
      return this;
    }

    public SecurityGroupInfo build() {
      return new SecurityGroupInfo(groupId, groupId + "-name", VPC_ID, ingress, List.copyOf(otherUsers),
          usageChecked, endpointSubnetIds);
    }
  }

  public static final class EndpointServiceBuilder {
    private final String serviceId;
    private String state = EndpointServiceSnapshot.AVAILABLE;
    private boolean acceptanceRequired;
    private boolean managesVpcEndpoints;
    private Map<String, String> tags = Map.of();
    private final List<EndpointServiceSnapshot.AllowedPrincipal> principals = new ArrayList<>();
    private Optional<String> principalsUnreadable = Optional.empty();

    private EndpointServiceBuilder(String serviceId) {
      this.serviceId = serviceId;
    }

    public EndpointServiceBuilder state(String state) {
      this.state = state;
      return this;
    }

    public EndpointServiceBuilder acceptanceRequired(boolean on) {
      this.acceptanceRequired = on;
      return this;
    }

    public EndpointServiceBuilder managesVpcEndpoints(boolean on) {
      this.managesVpcEndpoints = on;
      return this;
    }

    public EndpointServiceBuilder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    /** Principals as ARNs (or {@code *}), without a PrincipalType, as the local AWS reports them. */
    public EndpointServiceBuilder principals(String... arns) {
      Arrays.stream(arns).forEach(a -> principals.add(EndpointServiceSnapshot.AllowedPrincipal.of(a)));
      return this;
    }

    /** One principal with the PrincipalType AWS reports. */
    public EndpointServiceBuilder principal(String arn, String principalType) {
      principals.add(new EndpointServiceSnapshot.AllowedPrincipal(arn, Optional.of(principalType)));
      return this;
    }

    public EndpointServiceBuilder principalsUnreadable(String why) {
      principals.clear();
      this.principalsUnreadable = Optional.of(why);
      return this;
    }

    public EndpointServiceSnapshot build() {
      return new EndpointServiceSnapshot(serviceId, "com.amazonaws.vpce.us-east-1." + serviceId, "us-east-1", state,
          acceptanceRequired, managesVpcEndpoints, tags, principals, principalsUnreadable);
    }
  }
}
