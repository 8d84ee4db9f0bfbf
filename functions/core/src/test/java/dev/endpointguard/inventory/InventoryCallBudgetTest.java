package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.DnsNames;
import dev.endpointguard.model.Targets;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.PrivateZones;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * Scanning N endpoints in V VPCs costs calls bounded by pages, V and the prefix lists routes use, never N
 * (docs/performance.md, Call budget).
 */
@LocalAwsTest
class InventoryCallBudgetTest {
  static final int VPCS = 5;
  static final int BUDGET = 30;
  static final List<String> SERVICES = List.of("ssm", "ssmmessages", "logs", "kms", "sqs", "sns", "sts",
      "secretsmanager", "ecr.api", "ecr.dkr");

  /**
   * 5 VPCs (3 AZs, one public subnet), each with a group open to the world and a closed one, all on one transit gateway
   * to which each VPC's main route table sends the same prefix list (Issue 10 b: read once, whatever the VPCs).
   */
  private record Vpcs(SeedEstate seed, List<SeedEstate.SeededVpc> vpcs, List<List<String>> groups) {
    static Vpcs seed(AwsClients clients) {
      SeedEstate seed = new SeedEstate(clients.ec2());
      List<SeedEstate.SeededVpc> vpcs = new ArrayList<>();
      List<List<String>> groups = new ArrayList<>();
      for (int v = 0; v < VPCS; v++) {
        SeedEstate.SeededVpc vpc = seed.vpc(v + 1);
        seed.makePublic(vpc.vpcId(), vpc.subnetIds().get(2));
        String open = seed.group(vpc.vpcId(), "open");
        seed.allowFrom(open, IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
            .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build());
        vpcs.add(vpc);
        groups.add(List.of(open, seed.group(vpc.vpcId(), "closed")));
      }
      Map<String, List<String>> attachments = new java.util.TreeMap<>();
      vpcs.forEach(vpc -> attachments.put(vpc.vpcId(), vpc.subnetIds().subList(0, 1)));
      String tgw = seed.transitGateway(attachments);
      String onPremises = seed.prefixList("on-premises", "192.168.0.0/16", "172.20.0.0/16");
      vpcs.forEach(vpc -> seed.route(seed.mainRouteTable(vpc.vpcId()),
          r -> r.destinationPrefixListId(onPremises).transitGatewayId(tgw)));
      return new Vpcs(seed, vpcs, groups);
    }

    /** Adds {@code perVpc} Interface endpoints to each VPC (several services, one or two AZs, either group). */
    List<String> addEndpoints(int perVpc) {
      List<String> ids = new ArrayList<>();
      for (int v = 0; v < VPCS; v++) {
        SeedEstate.SeededVpc vpc = vpcs.get(v);
        for (int i = 0; i < perVpc; i++) {
          List<String> subnets = i % 3 == 0 ? vpc.subnetIds().subList(0, 1) : vpc.subnetIds().subList(0, 2);
          ids.add(seed.interfaceEndpoint(vpc.vpcId(), SeedEstate.service(SERVICES.get(i % SERVICES.size())),
              subnets, List.of(groups.get(v).get(i % 2)), false));
        }
      }
      return ids;
    }
  }

  private static Map<String, Integer> scanCounts(LocalAws aws, Targets targets, int expectedEndpoints) {
    CallCountingInterceptor counter = new CallCountingInterceptor();
    try (AwsClients counted = new AwsClients(AwsClients.Target.local(software.amazon.awssdk.regions.Region.US_EAST_1,
        aws.endpoint()).withRetries(false).withInterceptors(List.of(counter)))) {
      InventoryResult result = new Inventory(counted).load(targets, false);
      assertThat(result.problems()).isEmpty();
      assertThat(result.estate().endpoints()).hasSize(expectedEndpoints);
      assertThat(result.estate().vpcs()).hasSize(VPCS);
      return counter.snapshot();
    }
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void load_500EndpointsIn5Vpcs_staysWithin30Calls(LocalAws aws, AwsClients clients) {
    List<String> ids = Vpcs.seed(clients).addEndpoints(100);

    Map<String, Integer> all = scanCounts(aws, Targets.allInRegion(), 500);
    Map<String, Integer> byIds = scanCounts(aws, Targets.endpoints(ids), 500);

    System.out.println("call budget, all, 500 endpoints in 5 VPCs: " + total(all) + " " + all);
    System.out.println("call budget, ids, 500 endpoints in 5 VPCs: " + total(byIds) + " " + byIds);
    assertThat(total(all)).as("calls %s", all).isLessThanOrEqualTo(BUDGET);
    assertThat(total(byIds)).as("calls %s", byIds).isLessThanOrEqualTo(BUDGET);
    assertThat(all).containsEntry("DescribeVpcEndpoints", 1).containsEntry("DescribeVpcs", 1)
        .containsEntry("DescribeVpcAttribute", 2 * VPCS).containsEntry("DescribeSubnets", 1)
        .containsEntry("DescribeRouteTables", 1).containsEntry("DescribeSecurityGroups", 1)
        .containsEntry("DescribeNetworkInterfaces", 1).containsEntry("DescribeVpcEndpointServices", 1)
        .doesNotContainKey("DescribeAvailabilityZones").containsEntry("ListHostedZonesByVPC", VPCS)
        .containsEntry("GetManagedPrefixListEntries", 1).containsEntry("GetCallerIdentity", 1);
    assertThat(byIds).containsEntry("DescribeVpcEndpoints", 2);
  }

  /**
   * Issue 10 a: centralized endpoints. One private hosted zone per service, named after its private DNS name and
   * associated with all 5 VPCs, aliasing the name to an endpoint of the first VPC (one zone holds plain addresses
   * instead). Each zone's records are read once, and interface addresses in one call, whatever the endpoints.
   */
  private static List<String> addServiceZones(AwsClients clients, Vpcs vpcs, List<String> endpointIds) {
    PrivateZones zones = new PrivateZones(clients.route53());
    String[] vpcIds = vpcs.vpcs().stream().map(SeedEstate.SeededVpc::vpcId).toArray(String[]::new);
    List<String> zoneIds = new ArrayList<>();
    for (int i = 0; i < SERVICES.size(); i++) {
      String service = SeedEstate.service(SERVICES.get(i));
      String name = clients.ec2().describeVpcEndpointServices(b -> b.serviceNames(service)).serviceDetails().get(0)
          .privateDnsName();
      String zoneName = DnsNames.zoneName(name);
      String zoneId = zones.create(zoneName, vpcIds);
      // Endpoint i of the first VPC is for SERVICES.get(i).
      String hubId = endpointIds.get(i);
      VpcEndpoint hub = clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(hubId)).vpcEndpoints().get(0);
      if (i == 0) {
        String address = clients.ec2().describeNetworkInterfaces(b -> b.networkInterfaceIds(
            hub.networkInterfaceIds().get(0))).networkInterfaces().get(0).privateIpAddress();
        zones.plain(zoneId, zoneName, "A", address);
      } else {
        zones.aliasA(zoneId, DnsNames.isWildcard(name) ? "*." + zoneName : zoneName, hub.dnsEntries().get(0));
      }
      zoneIds.add(zoneId);
    }
    return zoneIds;
  }

  @Test
  void load_serviceZonesSharedByEveryVpc_recordsReadOncePerZone(LocalAws aws, AwsClients clients) {
    Vpcs vpcs = Vpcs.seed(clients);
    List<String> few = vpcs.addEndpoints(10);
    List<String> zones = addServiceZones(clients, vpcs, few);
    Map<String, Integer> allFew = scanCounts(aws, Targets.allInRegion(), 50);

    vpcs.addEndpoints(90);
    Map<String, Integer> allMany = scanCounts(aws, Targets.allInRegion(), 500);

    System.out.println("call budget, all, 500 endpoints in 5 VPCs, " + zones.size() + " service zones: "
        + total(allMany) + " " + allMany);
    assertThat(allMany).isEqualTo(allFew);
    assertThat(allMany).containsEntry("ListHostedZonesByVPC", VPCS)
        .containsEntry("ListResourceRecordSets", zones.size())
        .containsEntry("DescribeNetworkInterfaces", 2);
    assertThat(total(allMany)).as("calls %s", allMany).isLessThanOrEqualTo(BUDGET + zones.size() + 1);
  }

  @Test
  void load_tenTimesMoreEndpointsInTheSameVpcs_costsTheSameCalls(LocalAws aws, AwsClients clients) {
    Vpcs vpcs = Vpcs.seed(clients);
    List<String> few = vpcs.addEndpoints(10);
    Map<String, Integer> allFew = scanCounts(aws, Targets.allInRegion(), 50);
    Map<String, Integer> idsFew = scanCounts(aws, Targets.endpoints(few), 50);

    List<String> many = new ArrayList<>(few);
    many.addAll(vpcs.addEndpoints(90));
    Map<String, Integer> allMany = scanCounts(aws, Targets.allInRegion(), 500);
    Map<String, Integer> idsMany = scanCounts(aws, Targets.endpoints(many), 500);

    System.out.println("call budget, all, 50 endpoints in 5 VPCs: " + total(allFew) + " " + allFew);
    System.out.println("call budget, ids, 50 endpoints in 5 VPCs: " + total(idsFew) + " " + idsFew);
    assertThat(allMany).isEqualTo(allFew);
    assertThat(idsMany).isEqualTo(idsFew);
  }
}
