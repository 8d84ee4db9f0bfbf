package dev.endpointguard.inventory;

import static dev.endpointguard.testing.Snapshots.routeToCidr;
import static dev.endpointguard.testing.Snapshots.routeToPrefixList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Issue 10 b: the inventory reads the routes that lead from an endpoint's subnets to other networks (transit gateway,
 * peering, virtual private gateway, prefix lists) from the local AWS, and which subnets the endpoint interfaces using
 * a group sit in.
 */
@LocalAwsTest
class RouteInventoryTest {
  private static final String SSM = SeedEstate.service("ssm");

  /** A hub VPC 10.40.0.0/16 with spokes 10.41 and 10.42 on a transit gateway, and the hub's endpoint. */
  private record Hub(SeedEstate seed, SeedEstate.SeededVpc vpc, String mainTable, String tgw, String group) {
    static Hub seed(AwsClients clients) {
      SeedEstate seed = new SeedEstate(clients.ec2());
      SeedEstate.SeededVpc hub = seed.vpc(40);
      SeedEstate.SeededVpc first = seed.vpc(41);
      SeedEstate.SeededVpc second = seed.vpc(42);
      String tgw = seed.transitGateway(Map.of(hub.vpcId(), hub.subnetIds().subList(0, 1),
          first.vpcId(), first.subnetIds().subList(0, 1), second.vpcId(), second.subnetIds().subList(0, 1)));
      String group = seed.group(hub.vpcId(), "endpoints");
      seed.allowFrom(group, IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
          .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build());
      return new Hub(seed, hub, seed.mainRouteTable(hub.vpcId()), tgw, group);
    }

    String endpoint(List<String> subnets) {
      return seed.interfaceEndpoint(vpc.vpcId(), SSM, subnets, List.of(group), false);
    }
  }

  private static RouteTableInfo table(VpcSnapshot vpc, String id) {
    return vpc.routeTables().orElseThrow().stream().filter(t -> t.routeTableId().equals(id)).findFirst()
        .orElseThrow();
  }

  private static AwsClients clients(LocalAws aws, ExecutionInterceptor... interceptors) {
    return new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()).withRetries(false)
        .withInterceptors(List.of(interceptors)));
  }

  @Test
  void load_hubRouteTables_everyTargetReadAndClassified(LocalAws aws, AwsClients clients) {
    Hub hub = Hub.seed(clients);
    SeedEstate seed = hub.seed();
    String peer = seed.vpc(50).vpcId();
    String pcx = seed.peering(hub.vpc().vpcId(), peer);
    String vgw = seed.vpnGateway(hub.vpc().vpcId());
    String spokes = seed.prefixList("spokes", "10.43.0.0/16", "10.44.0.0/16");
    String explicit = seed.routeTable(hub.vpc().vpcId(), hub.vpc().subnetIds().get(1));
    seed.route(hub.mainTable(), r -> r.destinationCidrBlock("10.41.0.0/16").transitGatewayId(hub.tgw()));
    seed.route(hub.mainTable(), r -> r.destinationPrefixListId(spokes).transitGatewayId(hub.tgw()));
    seed.route(explicit, r -> r.destinationCidrBlock("10.50.0.0/16").vpcPeeringConnectionId(pcx));
    seed.route(explicit, r -> r.destinationCidrBlock("192.168.0.0/16").gatewayId(vgw));
    String s3 = seed.gatewayEndpoint(hub.vpc().vpcId(), SeedEstate.service("s3"), hub.mainTable());
    hub.endpoint(hub.vpc().subnetIds().subList(0, 2));
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result;
    try (AwsClients counted = clients(aws, counter)) {
      result = new Inventory(counted).load(Targets.allInRegion(), false);
    }

    assertThat(result.problems()).isEmpty();
    VpcSnapshot vpc = result.estate().endpoints().get(0).vpc();
    RouteTableInfo main = table(vpc, hub.mainTable());
    assertThat(main.main()).isTrue();
    assertThat(main.routes()).contains(
        routeToCidr("10.41.0.0/16", RouteTarget.TRANSIT_GATEWAY, hub.tgw()),
        routeToPrefixList(spokes, List.of("10.43.0.0/16", "10.44.0.0/16"), RouteTarget.TRANSIT_GATEWAY,
            hub.tgw()));
    assertThat(main.routes()).filteredOn(r -> r.target().equals(s3)).singleElement().satisfies(r -> {
      assertThat(r.targetType()).isEqualTo(RouteTarget.GATEWAY_ENDPOINT);
      assertThat(r.destinationUnknown()).contains("not read: the route brings no clients");
    });
    assertThat(main.routes()).filteredOn(r -> r.targetType() == RouteTarget.LOCAL).extracting(RouteEntry::destination)
        .containsExactly("10.40.0.0/16");
    RouteTableInfo own = table(vpc, explicit);
    assertThat(own.main()).isFalse();
    assertThat(own.subnetIds()).containsExactly(hub.vpc().subnetIds().get(1));
    assertThat(own.routes()).contains(routeToCidr("10.50.0.0/16", RouteTarget.VPC_PEERING_CONNECTION, pcx),
        routeToCidr("192.168.0.0/16", RouteTarget.VIRTUAL_PRIVATE_GATEWAY, vgw));
    assertThat(vpc.routeTableOf(hub.vpc().subnetIds().get(0))).map(RouteTableInfo::routeTableId)
        .contains(hub.mainTable());
    assertThat(vpc.routeTableOf(hub.vpc().subnetIds().get(1))).map(RouteTableInfo::routeTableId).contains(explicit);
    // One read for the customer list the transit gateway route names; none for the S3 list of the gateway endpoint.
    assertThat(counter.count("GetManagedPrefixListEntries")).isEqualTo(1);
  }

  @Test
  void load_prefixListThatCannotBeRead_isReportedAndRecordedOnTheRoute(LocalAws aws, AwsClients clients) {
    Hub hub = Hub.seed(clients);
    String spokes = hub.seed().prefixList("spokes", "10.43.0.0/16");
    hub.seed().route(hub.mainTable(), r -> r.destinationPrefixListId(spokes).transitGatewayId(hub.tgw()));
    hub.endpoint(hub.vpc().subnetIds().subList(0, 1));

    InventoryResult result;
    try (AwsClients denied = clients(aws, new DenyPrefixListEntries())) {
      result = new Inventory(denied).load(Targets.allInRegion(), false);
    }

    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.resourceId()).isEqualTo(spokes);
      assertThat(p.leftOut()).isFalse();
      assertThat(p.problem()).startsWith("could not read the prefix list's entries, so the clients of endpoints"
          + " whose subnets route it are unknown: ");
    });
    RouteEntry route = table(result.estate().endpoints().get(0).vpc(), hub.mainTable()).routes().stream()
        .filter(RouteEntry::toPrefixList).findFirst().orElseThrow();
    assertThat(route.destinationCidrs()).isEmpty();
    assertThat(route.destinationUnknown()).hasValueSatisfying(why -> assertThat(why)
        .startsWith("GetManagedPrefixListEntries failed: You are not authorized"));
  }

  @Test
  void load_groupSharedByTwoEndpoints_eachSnapshotCarriesBothEndpointsSubnets(AwsClients clients) {
    Hub hub = Hub.seed(clients);
    List<String> subnets = hub.vpc().subnetIds();
    hub.endpoint(subnets.subList(0, 1));
    String other = hub.seed().interfaceEndpoint(hub.vpc().vpcId(), SeedEstate.service("logs"), subnets.subList(1, 3),
        List.of(hub.group()), false);

    InventoryResult result = new Inventory(clients).load(Targets.endpoints(List.of(other)), false);

    EndpointSnapshot snapshot = result.estate().endpoints().get(0);
    assertThat(snapshot.securityGroups()).singleElement().extracting(SecurityGroupInfo::endpointSubnetIds)
        .isEqualTo(List.copyOf(new java.util.TreeSet<>(subnets)));
  }

  @Test
  void load_vpcWithoutOtherNetworks_hasOnlyLocalRoutes(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    seed.makePublic(vpc.vpcId(), vpc.subnetIds().get(2));
    seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);

    VpcSnapshot snapshot = new Inventory(clients).load(Targets.allInRegion(), false).estate().vpcs().get(0);

    assertThat(snapshot.routeTables()).hasValueSatisfying(tables -> assertThat(tables)
        .flatExtracting(RouteTableInfo::routes).extracting(RouteEntry::targetType)
        .containsOnly(RouteTarget.LOCAL, RouteTarget.INTERNET_GATEWAY));
    assertThat(snapshot.routeTableOf(vpc.subnetIds().get(0))).map(RouteTableInfo::main).contains(true);
    assertThat(snapshot.routeTableOf(vpc.subnetIds().get(2))).map(RouteTableInfo::main).contains(false);
    assertThat(Optional.of(snapshot.vpc().ipv4Cidrs())).contains(List.of("10.1.0.0/16"));
  }

  /** Answers GetManagedPrefixListEntries as AWS does for a role without the permission. */
  private static final class DenyPrefixListEntries implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if ("GetManagedPrefixListEntries".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
        throw Ec2Exception.builder().statusCode(403).message("You are not authorized to perform this operation.")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnauthorizedOperation")
                .errorMessage("You are not authorized to perform this operation.").build()).build();
      }
    }
  }
}
