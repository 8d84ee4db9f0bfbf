package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 10 b, end to end through the CLI: AWS's centralized interface endpoints (a shared-services hub VPC whose
 * spokes reach it over a transit gateway, the endpoint's group admitting tcp 443 from 0.0.0.0/0 as Landing Zone
 * Accelerator's default {@code allowedCidrs} does). {@code scan --fix} must leave every spoke able to reach the hub
 * endpoint, read back from the security group; when the endpoint subnets route 0.0.0.0/0 to the transit gateway the
 * clients cannot be known and nothing is written.
 */
@LocalAwsTest
class HubEndpointScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "broad-endpoint-security-group";
  private static final String HUB = "10.40.0.0/16";
  private static final String SPOKE_1 = "10.41.0.0/16";
  private static final String SPOKE_2 = "10.42.0.0/16";


  /** The estate: hub 10.40.0.0/16, spokes 10.41.0.0/16 and 10.42.0.0/16, all attached to one transit gateway. */
  private record Estate(Ec2Client ec2, String hubVpc, List<String> hubSubnets, String tgw, String endpointTable,
                        String group) {
    static Estate seed(Ec2Client ec2) {
      String hub = vpc(ec2, HUB);
      List<String> hubSubnets = List.of(subnet(ec2, hub, "10.40.0.0/24", "us-east-1a"),
          subnet(ec2, hub, "10.40.1.0/24", "us-east-1b"), subnet(ec2, hub, "10.40.2.0/24", "us-east-1c"));
      String tgw = ec2.createTransitGateway(b -> b.description("shared services")).transitGateway()
          .transitGatewayId();
      ec2.createTransitGatewayVpcAttachment(b -> b.transitGatewayId(tgw).vpcId(hub).subnetIds(hubSubnets.get(2)));
      for (String spokeCidr : List.of(SPOKE_1, SPOKE_2)) {
        String spoke = vpc(ec2, spokeCidr);
        String spokeSubnet = subnet(ec2, spoke, spokeCidr.replace("0.0/16", "0.0/24"), "us-east-1a");
        ec2.createTransitGatewayVpcAttachment(b -> b.transitGatewayId(tgw).vpcId(spoke).subnetIds(spokeSubnet));
        route(ec2, mainTable(ec2, spoke), r -> r.destinationCidrBlock(HUB).transitGatewayId(tgw));
      }
      String endpointTable = ec2.createRouteTable(b -> b.vpcId(hub)).routeTable().routeTableId();
      for (String subnet : hubSubnets.subList(0, 2)) {
        ec2.associateRouteTable(b -> b.routeTableId(endpointTable).subnetId(subnet));
      }
      route(ec2, endpointTable, r -> r.destinationCidrBlock(SPOKE_1).transitGatewayId(tgw));
      route(ec2, endpointTable, r -> r.destinationCidrBlock(SPOKE_2).transitGatewayId(tgw));
      String group = ec2.createSecurityGroup(b -> b.vpcId(hub).groupName("interface-endpoints")
          .description("interface endpoints")).groupId();
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(https("0.0.0.0/0")));
      return new Estate(ec2, hub, hubSubnets, tgw, endpointTable, group);
    }

    /** An Interface endpoint in the hub, private DNS off (the spokes resolve it through a shared hosted zone). */
    String endpoint(String service, List<String> subnets) {
      return ec2.createVpcEndpoint(b -> b.vpcId(hubVpc).serviceName("com.amazonaws.us-east-1." + service)
          .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnets).securityGroupIds(group)
          .privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
    }

    /** The CIDR sources the group admits on tcp 443, read from the local AWS. */
    List<String> httpsSources() {
      List<String> sources = new ArrayList<>();
      for (IpPermission p : ec2.describeSecurityGroups(b -> b.groupIds(group)).securityGroups().get(0)
          .ipPermissions()) {
        if ("tcp".equals(p.ipProtocol()) && p.fromPort() == 443 && p.toPort() == 443) {
          p.ipRanges().stream().map(IpRange::cidrIp).forEach(sources::add);
        }
      }
      return sources;
    }

    private static String vpc(Ec2Client ec2, String cidr) {
      return ec2.createVpc(b -> b.cidrBlock(cidr)).vpc().vpcId();
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String az) {
      return ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
    }

    private static String mainTable(Ec2Client ec2, String vpc) {
      return ec2.describeRouteTables(b -> b.filters(f -> f.name("vpc-id").values(vpc),
          f -> f.name("association.main").values("true"))).routeTables().get(0).routeTableId();
    }

    private static void route(Ec2Client ec2, String table, Consumer<CreateRouteRequest.Builder> route) {
      ec2.createRoute(b -> route.accept(b.routeTableId(table)));
    }
  }

  private static IpPermission https(String cidr) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(r -> r.cidrIp(cidr)).build();
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  /** The broad-endpoint-security-group evaluation of {@code endpointId} in a JSON report. */
  private static JsonNode evaluation(Cli cli, String endpointId) throws Exception {
    for (JsonNode e : JSON.readTree(cli.out()).get("evaluations")) {
      if (RULE.equals(e.get("rule").asText()) && endpointId.equals(e.get("resourceId").asText())) {
        return e;
      }
    }
    throw new AssertionError("no " + RULE + " evaluation of " + endpointId + " in " + cli.out());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  @Test
  void scan_hubWithSpokesOverTransitGateway_plansToKeepTheHubAndBothSpokes(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = Estate.seed(clients.ec2());
    String endpoint = estate.endpoint("ssm", estate.hubSubnets().subList(0, 2));

    Cli scan = scan(aws);

    JsonNode e = evaluation(scan, endpoint);
    assertThat(e.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.get("outcome").asText()).isEqualTo("PLANNED");
    assertThat(e.get("reason").asText()).isEqualTo(endpoint + " (com.amazonaws.us-east-1.ssm) admits the internet: "
        + estate.group() + " allows tcp 443 from 0.0.0.0/0; each such source would be narrowed to the CIDR blocks of "
        + estate.hubVpc() + " and the networks its endpoint subnets route to " + estate.tgw());
    JsonNode change = e.get("plan").get(0);
    assertThat(e.get("plan")).hasSize(1);
    assertThat(texts(change.at("/detail/newSources"))).containsExactly(HUB, SPOKE_1, SPOKE_2);
    String routed = "routed to " + estate.tgw() + " by " + estate.endpointTable();
    assertThat(change.get("impact").asText()).isEqualTo("tcp 443 through " + estate.group() + " is lost by every"
        + " IPv4 source outside 10.40.0.0/16, 10.41.0.0/16, 10.42.0.0/16; kept: 10.40.0.0/16 (CIDR block of "
        + estate.hubVpc() + "), 10.41.0.0/16 (" + routed + "), 10.42.0.0/16 (" + routed + ")");
    assertThat(estate.httpsSources()).containsExactly("0.0.0.0/0");
  }

  @Test
  void scanFix_hubWithSpokesOverTransitGateway_everySpokeKeepsTheEndpoint(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = Estate.seed(clients.ec2());
    String endpoint = estate.endpoint("ssm", estate.hubSubnets().subList(0, 2));

    Cli fix = scan(aws, "--rule", RULE, "--fix");

    assertThat(evaluation(fix, endpoint).get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(estate.httpsSources()).containsExactlyInAnyOrder(HUB, SPOKE_1, SPOKE_2);
    Cli after = scan(aws, "--rule", RULE);
    assertThat(evaluation(after, endpoint).get("status").asText()).isEqualTo("COMPLIANT");
    assertThat(after.exit()).isEqualTo(EndpointGuardCli.OK);
  }

  @Test
  void scanFix_defaultRouteToTransitGateway_nonCompliantWithoutPlanAndNothingWritten(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = Estate.seed(clients.ec2());
    clients.ec2().createRoute(b -> b.routeTableId(estate.endpointTable()).destinationCidrBlock("0.0.0.0/0")
        .transitGatewayId(estate.tgw()));
    String endpoint = estate.endpoint("ssm", estate.hubSubnets().subList(0, 2));

    Cli fix = scan(aws, "--rule", RULE, "--fix");

    JsonNode e = evaluation(fix, endpoint);
    assertThat(e.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.get("outcome").asText()).isEqualTo("NONE");
    assertThat(e.get("plan")).isEmpty();
    assertThat(e.get("reason").asText()).endsWith("; route 0.0.0.0/0 → " + estate.tgw() + " in "
        + estate.endpointTable() + " covers more than private address space, so the endpoint's clients cannot be"
        + " known and no plan is made");
    assertThat(fix.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    assertThat(estate.httpsSources()).containsExactly("0.0.0.0/0");
  }

  @Test
  void scanFix_groupSharedByEndpointsOnDifferentRouteTables_keepsTheNetworksOfBoth(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = Estate.seed(clients.ec2());
    // The third subnet keeps the main table, to which only the peered VPC is routed.
    Ec2Client ec2 = clients.ec2();
    String peer = ec2.createVpc(b -> b.cidrBlock("10.50.0.0/16")).vpc().vpcId();
    String pcx = ec2.createVpcPeeringConnection(b -> b.vpcId(estate.hubVpc()).peerVpcId(peer)).vpcPeeringConnection()
        .vpcPeeringConnectionId();
    ec2.acceptVpcPeeringConnection(b -> b.vpcPeeringConnectionId(pcx));
    ec2.createRoute(b -> b.routeTableId(Estate.mainTable(ec2, estate.hubVpc())).destinationCidrBlock("10.50.0.0/16")
        .vpcPeeringConnectionId(pcx));
    String ssm = estate.endpoint("ssm", estate.hubSubnets().subList(0, 1));
    String logs = estate.endpoint("logs", estate.hubSubnets().subList(2, 3));

    Cli fix = scan(aws, "--rule", RULE, "--fix");

    List<String> ssmSources = texts(evaluation(fix, ssm).at("/plan/0/detail/newSources"));
    assertThat(ssmSources).containsExactlyInAnyOrder(HUB, "10.50.0.0/16", SPOKE_1, SPOKE_2);
    assertThat(texts(evaluation(fix, logs).at("/plan/0/detail/newSources"))).isEqualTo(ssmSources);
    assertThat(List.of(evaluation(fix, ssm).get("outcome").asText(), evaluation(fix, logs).get("outcome").asText()))
        .containsOnly("APPLIED");
    assertThat(estate.httpsSources()).containsExactlyInAnyOrder(HUB, SPOKE_1, SPOKE_2, "10.50.0.0/16");
  }
}
