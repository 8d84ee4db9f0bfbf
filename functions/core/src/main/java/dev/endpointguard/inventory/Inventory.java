package dev.endpointguard.inventory;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.model.AccountId;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.policy.PolicyAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Reads the VPC endpoints named by {@link Targets} and everything rules need about them, and the account's endpoint
 * services in scope, into an immutable {@link Estate}. Batched: the number of calls grows with pages and VPCs, never with endpoints (docs/performance.md).
 * What could not be read is returned beside the estate as {@link InventoryProblem}s, not thrown.
 */
public final class Inventory {
  private final Ec2Client ec2;
  private final Supplier<StsClient> sts;
  private final String region;
  private final EndpointSelectionReader selections;
  private final VpcReader vpcs;
  private final SecurityGroupReader groups;
  private final HostedZones hostedZones;
  private final ServiceCatalog catalog;
  private final OrganizationReader organization;
  private final EndpointServiceReader endpointServices;
  private volatile GetCallerIdentityResponse identity;
  private volatile String account;

  public Inventory(AwsClients clients) {
    this(clients.ec2(), clients::sts, clients::route53, clients::organizations, new ServiceCatalog());
  }

  /**
   * {@code sts} is asked for only when the account is not known otherwise ({@link #useAccount}) or the caller's own
   * identity is needed; {@code route53} only when a private-DNS verdict needs the VPC's hosted zones;
   * {@code organizations} only when the account's own organization is to be read ({@link #load(Targets, boolean)}).
   */
  private Inventory(Ec2Client ec2, Supplier<StsClient> sts, Supplier<Route53Client> route53,
                    Supplier<OrganizationsClient> organizations, ServiceCatalog catalog) {
    this.ec2 = Objects.requireNonNull(ec2, "ec2");
    this.sts = Objects.requireNonNull(sts, "sts");
    this.region = ec2.serviceClientConfiguration().region().id();
    this.selections = new EndpointSelectionReader(ec2);
    this.vpcs = new VpcReader(ec2);
    this.groups = new SecurityGroupReader(ec2);
    this.hostedZones = new HostedZones(route53);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.organization = new OrganizationReader(organizations);
    this.endpointServices = new EndpointServiceReader(ec2, region);
  }

  public String region() {
    return region;
  }

  /**
   * The scanned account: the one {@link #useAccount} recorded, or else STS GetCallerIdentity, once per instance.
   */
  public String accountId() {
    String known = account;
    if (known == null) {
      known = identity().account();
      account = known;
    }
    return known;
  }

  /**
   * Records the scanned account when the caller already knows it, so that {@link #accountId()} needs no STS call:
   * a Lambda function's own account, from its ARN (its execution role belongs to the same account). Once an account
   * is known, from here or from STS, a different one is refused: this instance never scans two accounts.
   *
   * @throws IllegalArgumentException when {@code accountId} is not 12 digits
   * @throws IllegalStateException when another account is already known
   */
  public void useAccount(String accountId) {
    if (!AccountId.valid(accountId)) {
      throw new IllegalArgumentException("not an AWS account id (12 digits): " + accountId);
    }
    synchronized (this) {
      String known = account;
      if (known == null) {
        GetCallerIdentityResponse read = identity;
        known = read == null ? null : read.account();
      }
      if (known != null && !known.equals(accountId)) {
        throw new IllegalStateException("this inventory scans account " + known + ", not " + accountId);
      }
      account = accountId;
    }
  }

  /** The identity this process calls AWS as (a Lambda function: its role, as an assumed-role ARN), from the same cached call. */
  public String callerArn() {
    return identity().arn();
  }

  private GetCallerIdentityResponse identity() {
    GetCallerIdentityResponse known = identity;
    if (known == null) {
      known = sts.get().getCallerIdentity();
      identity = known;
    }
    return known;
  }

  /**
   * Reads the targets: the endpoints they name and, for the whole Region or service ids, the account's endpoint
   * services with their allowed principals.
   *
   * @param readOwnOrganization when true (no trusted organization is configured) and an endpoint policy in scope names
   *                            an organization, the account's own organization is read too, at most once per call
   *                            (organizations:DescribeOrganization) and remembered by this instance once known
   */
  public InventoryResult load(Targets targets, boolean readOwnOrganization) {
    // The account's endpoint services and its endpoints are read side by side; problems, and the failure thrown when
    // reads fail, keep the order they had one after the other: services first.
    List<InventoryProblem> serviceProblems = new ArrayList<>();
    CompletableFuture<List<EndpointServiceSnapshot>> servicesRead = targets.wholeRegion()
        ? ConcurrentReads.start(() -> endpointServices.all(serviceProblems::add))
        : targets.endpointServiceIds().isEmpty() ? CompletableFuture.completedFuture(List.of())
        : ConcurrentReads.start(() -> endpointServices.byIds(targets.endpointServiceIds(), serviceProblems::add));
    List<InventoryProblem> endpointProblems = new ArrayList<>();
    CompletableFuture<InventoryResult> endpointsRead = ConcurrentReads.here(() -> targets.namesEndpoints()
        ? loadEndpoints(targets, readOwnOrganization, endpointProblems)
        : new InventoryResult(new Estate(accountId(), region, List.of(), List.of()), endpointProblems));
    ConcurrentReads.settle(servicesRead, endpointsRead);
    InventoryResult endpoints = endpointsRead.join();
    List<InventoryProblem> problems = new ArrayList<>(serviceProblems);
    problems.addAll(endpoints.problems());
    return new InventoryResult(endpoints.estate().withEndpointServices(servicesRead.join()), problems);
  }

  private InventoryResult loadEndpoints(Targets targets, boolean readOwnOrganization,
                                        List<InventoryProblem> problems) {
    Consumer<InventoryProblem> report = problems::add;
    EndpointSelection scope = selections.read(targets, report);
    if (scope.inScope().isEmpty()) {
      return new InventoryResult(new Estate(accountId(), region, List.of(), List.of()), problems);
    }
    OwnOrganization ownOrganization = readOwnOrganization
        && scope.inScope().stream().anyMatch(e -> PolicyAnalyzer.namesOrganization(e.policyDocument()))
        ? organization.read(accountId(), report) : OwnOrganization.notRead();

    Set<String> vpcIds = scope.inScope().stream().map(RawEndpoint::vpcId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> gatewayEndpoints = scope.inVpcs().stream().filter(e -> e.type() == EndpointType.GATEWAY)
        .map(RawEndpoint::endpointId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> groupIds = new TreeSet<>();
    scope.inScope().forEach(e -> groupIds.addAll(e.groupIds()));
    Set<String> endpointInterfaces = new TreeSet<>();
    Map<String, Set<String>> endpointSubnetsByGroup = new TreeMap<>();
    for (RawEndpoint e : scope.inVpcs()) {
      endpointInterfaces.addAll(e.networkInterfaceIds());
      e.groupIds().forEach(g -> endpointSubnetsByGroup.computeIfAbsent(g, k -> new TreeSet<>()).addAll(e.subnetIds()));
    }
    Set<String> serviceNames = scope.inScope().stream().map(RawEndpoint::serviceName)
        .collect(Collectors.toCollection(TreeSet::new));

    // The VPCs, the groups and the service catalog side by side; settled in the order they ran one after the other.
    List<InventoryProblem> vpcProblems = new ArrayList<>();
    List<InventoryProblem> groupProblems = new ArrayList<>();
    List<InventoryProblem> serviceProblems = new ArrayList<>();
    CompletableFuture<Map<String, VpcReader.VpcParts>> vpcRead =
        ConcurrentReads.start(() -> vpcs.read(vpcIds, gatewayEndpoints, vpcProblems::add));
    CompletableFuture<Map<String, SecurityGroupInfo>> groupRead = groupIds.isEmpty()
        ? CompletableFuture.completedFuture(Map.of())
        : ConcurrentReads.start(() -> groups.read(groupIds, endpointInterfaces, endpointSubnetsByGroup,
            groupProblems::add));
    CompletableFuture<Map<String, ServiceFacts>> catalogRead =
        ConcurrentReads.here(() -> catalog.facts(ec2, region, serviceNames, serviceProblems::add));
    ConcurrentReads.settle(vpcRead, groupRead, catalogRead);
    Map<String, VpcReader.VpcParts> vpcParts = vpcRead.join();
    Map<String, SecurityGroupInfo> groupInfos = groupRead.join();
    Map<String, ServiceFacts> services = catalogRead.join();
    problems.addAll(vpcProblems);
    problems.addAll(groupProblems);
    problems.addAll(serviceProblems);

    Map<String, VpcSnapshot> vpcSnapshots = new TreeMap<>();
    ServiceNameZones serviceZones = new ServiceNameZones(hostedZones, ec2, region);
    // Grouped by VPC once: filtering every endpoint for every VPC grew with endpoints × VPCs (issue 13).
    Map<String, List<RawEndpoint>> inVpcsByVpc = scope.inVpcs().stream()
        .collect(Collectors.groupingBy(RawEndpoint::vpcId));
    Map<String, List<RawEndpoint>> inScopeByVpc = scope.inScope().stream()
        .collect(Collectors.groupingBy(RawEndpoint::vpcId));
    for (VpcReader.VpcParts parts : vpcParts.values()) {
      String vpcId = parts.info().vpcId();
      List<EndpointSummary> siblings = inVpcsByVpc.getOrDefault(vpcId, List.of()).stream()
          .map(RawEndpoint::summary).toList();
      // Hosted zones only where a private-DNS verdict looks at them: a zone named after the service blocks private
      // DNS, or itself resolves the name to the endpoint.
      Set<String> zoneNames = ServiceNameZones.namesToCheck(inScopeByVpc.getOrDefault(vpcId, List.of()), services);
      Optional<List<HostedZoneRef>> zones = zoneNames.isEmpty() ? Optional.empty()
          : serviceZones.of(vpcId, zoneNames, report);
      vpcSnapshots.put(vpcId, new VpcSnapshot(parts.info(), parts.subnets(), siblings, zones,
          Optional.of(parts.routeTables())));
    }
    Map<String, List<String>> interfaceAddresses =
        serviceZones.interfaceAddresses(scope, vpcSnapshots, services, report);

    List<EndpointSnapshot> snapshots = new ArrayList<>();
    for (RawEndpoint e : scope.inScope()) {
      snapshot(e, vpcSnapshots.get(e.vpcId()), groupInfos, services.get(e.serviceName()),
          Optional.ofNullable(interfaceAddresses.get(e.endpointId())), report).ifPresent(snapshots::add);
    }
    return new InventoryResult(new Estate(accountId(), region, snapshots, List.copyOf(vpcSnapshots.values()),
        ownOrganization), problems);
  }

  private static Optional<EndpointSnapshot> snapshot(RawEndpoint e, VpcSnapshot vpc,
                                                     Map<String, SecurityGroupInfo> groupInfos, ServiceFacts service,
                                                     Optional<List<String>> interfaceAddresses,
                                                     Consumer<InventoryProblem> report) {
    if (vpc == null) {
      report.accept(new InventoryProblem(e.endpointId(), "left out: its VPC " + e.vpcId() + " could not be read"));
      return Optional.empty();
    }
    Map<String, SubnetInfo> subnetsById = new TreeMap<>();
    vpc.subnets().forEach(s -> subnetsById.put(s.subnetId(), s));
    List<SubnetInfo> subnets = new ArrayList<>();
    for (String id : e.subnetIds()) {
      SubnetInfo s = subnetsById.get(id);
      if (s == null) {
        // Judging AZ coverage without this subnet could plan a wrong change: leave the endpoint out instead.
        report.accept(new InventoryProblem(e.endpointId(), "left out: its subnet " + id + " could not be read"));
        return Optional.empty();
      }
      subnets.add(s);
    }
    List<SecurityGroupInfo> endpointGroups = e.groupIds().stream().map(groupInfos::get).filter(Objects::nonNull)
        .toList();
    return Optional.of(new EndpointSnapshot(e.endpointId(), e.type(), e.serviceName(), e.state(),
        e.privateDnsEnabled(), e.requesterManaged(), e.policyDocument(), subnets, endpointGroups, e.tags(), service,
        vpc, e.dnsNames(), interfaceAddresses));
  }
}
