package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.SeededEndpointService;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;

@LocalAwsTest
class InventoryTest {
  static final String SSM = SeedEstate.service("ssm");
  static final String MISSING_ENDPOINT = "vpce-0123456789abcdef0";

  private static Map<String, String> azIds(AwsClients clients) {
    return clients.ec2().describeAvailabilityZones().availabilityZones().stream()
        .collect(Collectors.toMap(z -> z.zoneName(), z -> z.zoneId()));
  }

  private static AwsClients counted(LocalAws aws, CallCountingInterceptor counter) {
    return new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()).withRetries(false)
        .withInterceptors(List.of(counter)));
  }

  private static IpPermission https(String cidr) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(r -> r.cidrIp(cidr)).build();
  }

  @Test
  void load_interfaceEndpoint_subnetsCarryAzIdsAndPublicFlag(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    seed.makePublic(vpc.vpcId(), vpc.subnetIds().get(2));
    String endpoint = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 2), List.of(), false);

    InventoryResult result = new Inventory(clients).load(Targets.allInRegion(), false);

    Map<String, String> azIds = azIds(clients);
    EndpointSnapshot snapshot = result.estate().endpoints().get(0);
    assertThat(snapshot.endpointId()).isEqualTo(endpoint);
    assertThat(snapshot.type()).isEqualTo(EndpointType.INTERFACE);
    assertThat(snapshot.subnets()).extracting(SubnetInfo::subnetId).containsExactlyElementsOf(
        vpc.subnetIds().subList(0, 2));
    assertThat(snapshot.coveredAzIds()).containsExactlyInAnyOrder(azIds.get("us-east-1a"), azIds.get("us-east-1b"));
    VpcSnapshot vpcSnapshot = snapshot.vpc();
    assertThat(vpcSnapshot.subnets()).hasSize(3).allSatisfy(s -> {
      assertThat(s.azId()).isEqualTo(azIds.get(s.azName()));
      assertThat(s.availableIps()).isPositive();
      assertThat(s.isPublic()).isEqualTo(s.subnetId().equals(vpc.subnetIds().get(2)));
    });
    assertThat(vpcSnapshot.vpc().ipv4Cidrs()).containsExactly("10.1.0.0/16");
    assertThat(vpcSnapshot.vpc().dnsSupport()).isTrue();
    assertThat(vpcSnapshot.vpc().dnsHostnames()).isFalse();
    assertThat(result.estate().accountId()).isEqualTo("123456789012");
    assertThat(result.estate().region()).isEqualTo("us-east-1");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void load_oneEndpointId_vpcListsEverySiblingEndpoint(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String target = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
    String sibling = seed.interfaceEndpoint(vpc.vpcId(), SeedEstate.service("logs"), vpc.subnetIds(), List.of(),
        false);
    String gateway = seed.gatewayEndpoint(vpc.vpcId(), SeedEstate.service("s3"));
    seed.interfaceEndpoint(seed.vpc(2).vpcId(), SSM, List.of(), List.of(), false);

    InventoryResult result = new Inventory(clients).load(Targets.endpoints(List.of(target)), false);

    assertThat(result.estate().endpoints()).extracting(EndpointSnapshot::endpointId).containsExactly(target);
    assertThat(result.estate().vpcs()).extracting(VpcSnapshot::vpcId).containsExactly(vpc.vpcId());
    assertThat(result.estate().vpcs().get(0).endpoints()).extracting(EndpointSummary::endpointId)
        .containsExactlyInAnyOrder(target, sibling, gateway);
    EndpointSummary logs = result.estate().vpcs().get(0).endpoints().stream()
        .filter(e -> e.endpointId().equals(sibling)).findFirst().orElseThrow();
    assertThat(logs.subnetIds()).containsExactlyElementsOf(vpc.subnetIds());
    assertThat(logs.serviceName()).isEqualTo(SeedEstate.service("logs"));
  }

  /** Refuses the named operations before they are sent, as AWS throttling them would (HTTP 503, retryable). */
  private static ExecutionInterceptor throttling(Set<String> operations) {
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operations.contains(operation)) {
          throw Ec2Exception.builder().statusCode(503).message("injected throttling of " + operation)
              .awsErrorDetails(AwsErrorDetails.builder().errorCode("RequestLimitExceeded")
                  .errorMessage("injected throttling of " + operation).build()).build();
        }
      }
    };
  }

  private static Throwable loadFailing(LocalAws aws, Set<String> operations) {
    try (AwsClients failing = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
        .withRetries(false).withInterceptors(List.of(throttling(operations))))) {
      return org.assertj.core.api.Assertions.catchThrowable(() -> new Inventory(failing).load(Targets.allInRegion(),
          false));
    }
  }

  @Test
  void load_twoReadsSideBySideFail_theOneThatRanFirstOneAfterTheOtherIsThrown_theOtherSuppressed(LocalAws aws,
                                                                                               AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);

    // The VPC reads (route tables) ran before the service catalog; the account's endpoint services before its
    // endpoints. Whichever finishes first, the failure thrown is the same, and the other is not lost.
    Throwable vpcFirst = loadFailing(aws, Set.of("DescribeRouteTables", "DescribeVpcEndpointServices"));
    assertThat(vpcFirst).isInstanceOf(Ec2Exception.class).hasMessageContaining("DescribeRouteTables");
    assertThat(vpcFirst.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
        .contains("DescribeVpcEndpointServices");

    Throwable servicesFirst = loadFailing(aws, Set.of("DescribeVpcEndpointServiceConfigurations",
        "DescribeVpcEndpoints"));
    assertThat(servicesFirst).isInstanceOf(Ec2Exception.class)
        .hasMessageContaining("DescribeVpcEndpointServiceConfigurations");
    assertThat(servicesFirst.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
        .contains("DescribeVpcEndpoints");

    // One failing read alone is thrown as itself, with nothing attached.
    Throwable groups = loadFailing(aws, Set.of("DescribeSecurityGroups"));
    assertThat(groups).isInstanceOf(Ec2Exception.class).hasMessageContaining("DescribeSecurityGroups");
    assertThat(groups.getSuppressed()).isEmpty();
  }

  @Test
  void load_serviceFacts_azIdsFromTheServiceDetail_noAzCall_butTheNameMapWhenADetailLacksThem(LocalAws aws) {
    // AWS gives each service's AZ ids (patch t); a detail without them for every AZ it names (here a seeded service
    // naming an AZ the Region does not have) makes the inventory read the Region's name -> id map, once.
    CallCountingInterceptor counter = new CallCountingInterceptor();
    try (AwsClients clients = counted(aws, counter)) {
      SeedEstate seed = new SeedEstate(clients.ec2());
      SeedEstate.SeededVpc vpc = seed.vpc(1);
      String ssm = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
      Map<String, String> azIds = azIds(clients);
      counter.reset();

      InventoryResult first = new Inventory(clients).load(Targets.allInRegion(), false);

      assertThat(counter.count("DescribeVpcEndpointServices")).isEqualTo(1);
      assertThat(counter.count("DescribeAvailabilityZones")).as("AZ ids came with the service").isZero();
      assertThat(first.estate().endpoints()).filteredOn(e -> e.endpointId().equals(ssm)).singleElement()
          .satisfies(e -> assertThat(e.service().offeredAzIds()).contains(azIds.get("us-east-1a"),
              azIds.get("us-east-1f")));

      String odd = "com.example.odd-zones";
      aws.seedEndpointService(new SeededEndpointService(odd, List.of("us-east-1a", "us-east-1z"), Optional.empty(),
          true, false, "amazon", "us-east-1"));
      String oddEndpoint = seed.interfaceEndpoint(vpc.vpcId(), odd, vpc.subnetIds().subList(0, 1), List.of(), false);
      counter.reset();

      InventoryResult second = new Inventory(clients).load(Targets.endpoints(List.of(oddEndpoint)), false);

      assertThat(counter.count("DescribeAvailabilityZones")).isEqualTo(1);
      assertThat(second.estate().endpoints()).filteredOn(e -> e.endpointId().equals(oddEndpoint)).singleElement()
          .satisfies(e -> assertThat(e.service().offeredAzIds()).containsExactly(azIds.get("us-east-1a")));
    }
  }

  @Test
  void load_serviceFacts_translateAzNamesToIdsAndReadFlags(LocalAws aws, AwsClients clients) {
    String seeded = "com.example.managed";
    aws.seedEndpointService(new SeededEndpointService(seeded, List.of("us-east-1a", "us-east-1b"), Optional.empty(),
        false, true, "amazon", "us-east-1"));
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String ssm = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
    String managed = seed.interfaceEndpoint(vpc.vpcId(), seeded, vpc.subnetIds().subList(0, 1), List.of(), false);

    InventoryResult result = new Inventory(clients).load(Targets.allInRegion(), false);

    Map<String, String> azIds = azIds(clients);
    Map<String, ServiceFacts> facts = result.estate().endpoints().stream()
        .collect(Collectors.toMap(EndpointSnapshot::endpointId, EndpointSnapshot::service));
    assertThat(facts.get(ssm).offeredAzIds()).containsAll(List.of(azIds.get("us-east-1a"), azIds.get("us-east-1f")));
    assertThat(facts.get(ssm).privateDnsName()).contains("ssm.us-east-1.amazonaws.com");
    assertThat(facts.get(ssm).policySupported()).isTrue();
    assertThat(facts.get(ssm).managesVpcEndpoints()).isFalse();
    assertThat(facts.get(ssm).known()).isTrue();
    assertThat(facts.get(managed)).isEqualTo(new ServiceFacts(seeded,
        Set.of(azIds.get("us-east-1a"), azIds.get("us-east-1b")), Optional.empty(), false, true, true));
  }

  @Test
  void load_securityGroupIngress_flattenedToOneRulePerSource(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String peer = seed.group(vpc.vpcId(), "peer");
    String group = seed.group(vpc.vpcId(), "endpoint");
    seed.allowFrom(group, IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
        .ipRanges(r -> r.cidrIp("10.1.0.0/16"), r -> r.cidrIp("192.168.0.0/24"))
        .ipv6Ranges(r -> r.cidrIpv6("::/0")).userIdGroupPairs(p -> p.groupId(peer)).build());
    seed.allowFrom(group, IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("172.16.0.0/12")).build());
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(group), false);

    InventoryResult result = new Inventory(clients).load(Targets.allInRegion(), false);

    SecurityGroupInfo info = result.estate().endpoints().get(0).securityGroups().get(0);
    assertThat(info.groupId()).isEqualTo(group);
    assertThat(info.groupName()).isEqualTo("endpoint");
    assertThat(info.vpcId()).isEqualTo(vpc.vpcId());
    assertThat(info.ingress()).containsExactlyInAnyOrder(
        new IngressRule(group, "tcp", 443, 443, "10.1.0.0/16"),
        new IngressRule(group, "tcp", 443, 443, "192.168.0.0/24"),
        new IngressRule(group, "tcp", 443, 443, "::/0"),
        new IngressRule(group, "tcp", 443, 443, peer),
        new IngressRule(group, "-1", -1, -1, "172.16.0.0/12"));
  }

  @Test
  void load_groupUsage_lookedUpOnlyForGroupsOpenToTheWorld(LocalAws aws, AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String open = seed.group(vpc.vpcId(), "open");
    seed.allowFrom(open, https("0.0.0.0/0"));
    String closed = seed.group(vpc.vpcId(), "closed");
    seed.allowFrom(closed, https("10.1.0.0/16"));
    String shared = clients.ec2().createNetworkInterface(b -> b.subnetId(vpc.subnetIds().get(0))
        .groups(open, closed).description("app server")).networkInterface().networkInterfaceId();
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 2), List.of(open, closed), false);
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result;
    try (AwsClients countedClients = counted(aws, counter)) {
      result = new Inventory(countedClients).load(Targets.allInRegion(), false);
    }

    Map<String, SecurityGroupInfo> groups = result.estate().endpoints().get(0).securityGroups().stream()
        .collect(Collectors.toMap(SecurityGroupInfo::groupId, g -> g));
    assertThat(groups.get(open).usageChecked()).isTrue();
    assertThat(groups.get(open).otherUsers()).containsExactly(shared + " (app server)");
    assertThat(groups.get(closed).usageChecked()).isFalse();
    assertThat(groups.get(closed).otherUsers()).isEmpty();
    assertThat(counter.count("DescribeNetworkInterfaces")).isEqualTo(1);
  }

  @Test
  void load_noGroupOpenToTheWorld_noInterfaceLookup(LocalAws aws, AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String closed = seed.group(vpc.vpcId(), "closed");
    seed.allowFrom(closed, https("10.1.0.0/16"));
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(closed), false);
    CallCountingInterceptor counter = new CallCountingInterceptor();

    try (AwsClients countedClients = counted(aws, counter)) {
      new Inventory(countedClients).load(Targets.allInRegion(), false);
    }

    assertThat(counter.count("DescribeNetworkInterfaces")).isZero();
    assertThat(counter.count("DescribeSecurityGroups")).isEqualTo(1);
  }

  @Test
  void load_hostedZones_lookedUpOnlyWherePrivateDnsIsOffAndOffered(LocalAws aws, AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc dnsOn = seed.vpc(1);
    seed.dnsOn(dnsOn.vpcId());
    seed.interfaceEndpoint(dnsOn.vpcId(), SSM, dnsOn.subnetIds().subList(0, 1), List.of(), true);
    SeedEstate.SeededVpc dnsOff = seed.vpc(2);
    seed.interfaceEndpoint(dnsOff.vpcId(), SSM, dnsOff.subnetIds().subList(0, 1), List.of(), false);
    SeedEstate.SeededVpc gatewayOnly = seed.vpc(3);
    seed.gatewayEndpoint(gatewayOnly.vpcId(), SeedEstate.service("s3"));
    String zoneId = clients.route53().createHostedZone(b -> b.name("ssm.us-east-1.amazonaws.com.")
        .callerReference("ssm-zone").hostedZoneConfig(c -> c.privateZone(true))
        .vpc(v -> v.vpcId(dnsOff.vpcId()).vpcRegion("us-east-1"))).hostedZone().id();
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result;
    try (AwsClients countedClients = counted(aws, counter)) {
      result = new Inventory(countedClients).load(Targets.allInRegion(), false);
    }

    Map<String, VpcSnapshot> vpcs = result.estate().vpcs().stream()
        .collect(Collectors.toMap(VpcSnapshot::vpcId, v -> v));
    assertThat(vpcs.get(dnsOn.vpcId()).privateHostedZones()).isEmpty();
    assertThat(vpcs.get(gatewayOnly.vpcId()).privateHostedZones()).isEmpty();
    assertThat(vpcs.get(dnsOff.vpcId()).privateHostedZones()).hasValueSatisfying(zones -> {
      assertThat(zones).extracting(HostedZoneRef::name).containsExactly("ssm.us-east-1.amazonaws.com");
      assertThat(zoneId).endsWith(zones.get(0).zoneId());
    });
    assertThat(counter.count("ListHostedZonesByVPC")).isEqualTo(1);
  }

  @Test
  void load_missingEndpointId_reportedAsProblemAndOthersStillRead(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String present = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);

    InventoryResult result = new Inventory(clients).load(Targets.endpoints(List.of(present, MISSING_ENDPOINT)), false);

    assertThat(result.estate().endpoints()).extracting(EndpointSnapshot::endpointId).containsExactly(present);
    assertThat(result.problems()).extracting(InventoryProblem::resourceId).containsExactly(MISSING_ENDPOINT);
  }

  @Test
  void load_deletedEndpointId_reportedAsProblemAndLeftOut(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String deleted = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
    clients.ec2().deleteVpcEndpoints(b -> b.vpcEndpointIds(deleted));

    InventoryResult result = new Inventory(clients).load(Targets.endpoints(List.of(deleted)), false);

    assertThat(result.estate().endpoints()).isEmpty();
    assertThat(result.estate().vpcs()).isEmpty();
    assertThat(result.problems()).containsExactly(new InventoryProblem(deleted, "the endpoint is deleted"));
  }

  @Test
  void load_vpcTargets_everyEndpointOfThoseVpcsOnly(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc wanted = seed.vpc(1);
    String a = seed.interfaceEndpoint(wanted.vpcId(), SSM, wanted.subnetIds().subList(0, 1), List.of(), false);
    String b = seed.gatewayEndpoint(wanted.vpcId(), SeedEstate.service("s3"));
    SeedEstate.SeededVpc other = seed.vpc(2);
    seed.interfaceEndpoint(other.vpcId(), SSM, other.subnetIds().subList(0, 1), List.of(), false);

    InventoryResult result = new Inventory(clients).load(Targets.vpcs(List.of(wanted.vpcId())), false);

    assertThat(result.estate().endpoints()).extracting(EndpointSnapshot::endpointId).containsExactlyInAnyOrder(a, b);
    assertThat(result.estate().vpcs()).extracting(VpcSnapshot::vpcId).containsExactly(wanted.vpcId());
  }

  @Test
  void load_securityGroupTargets_endpointsUsingThoseGroupsWithAllSiblings(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String targetGroup = seed.group(vpc.vpcId(), "target");
    String otherGroup = seed.group(vpc.vpcId(), "other");
    String user = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(targetGroup),
        false);
    String nonUser = seed.interfaceEndpoint(vpc.vpcId(), SeedEstate.service("logs"), vpc.subnetIds().subList(0, 1),
        List.of(otherGroup), false);

    InventoryResult result = new Inventory(clients).load(Targets.securityGroups(List.of(targetGroup)), false);

    assertThat(result.estate().endpoints()).extracting(EndpointSnapshot::endpointId).containsExactly(user);
    assertThat(result.estate().vpcs().get(0).endpoints()).extracting(EndpointSummary::endpointId)
        .containsExactlyInAnyOrder(user, nonUser);
  }

  @Test
  void load_secondScanOnTheSameInventory_reusesServiceFactsAndAccount(LocalAws aws, AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
    CallCountingInterceptor counter = new CallCountingInterceptor();

    try (AwsClients countedClients = counted(aws, counter)) {
      Inventory inventory = new Inventory(countedClients);
      inventory.load(Targets.allInRegion(), false);
      counter.reset();
      inventory.load(Targets.allInRegion(), false);
    }

    assertThat(counter.count("DescribeVpcEndpointServices")).isZero();
    assertThat(counter.count("DescribeAvailabilityZones")).isZero();
    assertThat(counter.count("GetCallerIdentity")).isZero();
    assertThat(counter.count("DescribeVpcEndpoints")).isEqualTo(1);
  }

  @Test
  void load_accountAlreadyKnown_noStsCall(LocalAws aws) {
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result;
    try (AwsClients countedClients = counted(aws, counter)) {
      Inventory inventory = new Inventory(countedClients);
      inventory.useAccount("123456789012");
      result = inventory.load(Targets.allInRegion(), false);
    }

    assertThat(result.estate().accountId()).isEqualTo("123456789012");
    assertThat(counter.count("GetCallerIdentity")).isZero();
  }

  @Test
  void useAccount_otherThanTheOneStsGave_refusedAndKeepsTheFirst(AwsClients clients) {
    Inventory inventory = new Inventory(clients);
    assertThat(inventory.accountId()).isEqualTo("123456789012");

    assertThatThrownBy(() -> inventory.useAccount("111122223333"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("123456789012");
    assertThat(inventory.accountId()).isEqualTo("123456789012");
    inventory.useAccount("123456789012");
  }

  @Test
  void useAccount_notTwelveDigits_refused(AwsClients clients) {
    Inventory inventory = new Inventory(clients);

    for (String bad : new String[] {"12345678901", "1234567890123", "12345678901x", "", " 123456789012"}) {
      assertThatThrownBy(() -> inventory.useAccount(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> inventory.useAccount(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(inventory.accountId()).isEqualTo("123456789012");
  }

  @Test
  void load_nothingInTheRegion_emptyEstateWithAccount(AwsClients clients) {
    InventoryResult result = new Inventory(clients).load(Targets.allInRegion(), false);

    assertThat(result.estate().endpoints()).isEmpty();
    assertThat(result.estate().vpcs()).isEmpty();
    assertThat(result.estate().accountId()).isEqualTo("123456789012");
    assertThat(result.problems()).isEmpty();
  }
}
