package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.PrivateZones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 10 a and j end to end: a hub-and-spoke estate as AWS's multi-VPC whitepaper and Landing Zone Accelerator build
 * it (hub endpoints with private DNS off, one private hosted zone per service associated with the hub and the spokes,
 * spokes attached to the hub by a transit gateway), scanned and fixed through the CLI.
 */
@LocalAwsTest
class CentralizedEndpointsScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SSM = "com.amazonaws.us-east-1.ssm";
  private static final String STS = "com.amazonaws.us-east-1.sts";
  private static final String S3 = "com.amazonaws.us-east-1.s3";

  private record Hub(String vpc, String ssm, String sts, String s3, String ssmZone, String stsZone,
                     DnsEntry ssmEntry) {
  }

  private static Hub seed(AwsClients clients) {
    Ec2Client ec2 = clients.ec2();
    String hub = vpc(ec2, "10.0.0.0/16");
    String a = ec2.createSubnet(b -> b.vpcId(hub).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet()
        .subnetId();
    String b2 = ec2.createSubnet(b -> b.vpcId(hub).cidrBlock("10.0.2.0/24").availabilityZone("us-east-1b")).subnet()
        .subnetId();
    String ssm = endpoint(ec2, hub, SSM, a, b2);
    String sts = endpoint(ec2, hub, STS, a, b2);
    String s3 = endpoint(ec2, hub, S3, a, b2);
    List<String> spokes = List.of(vpc(ec2, "10.1.0.0/16"), vpc(ec2, "10.2.0.0/16"));
    String tgw = ec2.createTransitGateway(b -> b.description("hub")).transitGateway().transitGatewayId();
    List<String> attached = new ArrayList<>(List.of(hub));
    attached.addAll(spokes);
    for (String vpc : attached) {
      String subnet = vpc.equals(hub) ? a : ec2.createSubnet(b -> b.vpcId(vpc)
          .cidrBlock(ec2.describeVpcs(d -> d.vpcIds(vpc)).vpcs().get(0).cidrBlock().replace(".0.0/16", ".9.0/24"))
          .availabilityZone("us-east-1a")).subnet().subnetId();
      ec2.createTransitGatewayVpcAttachment(t -> t.transitGatewayId(tgw).vpcId(vpc).subnetIds(subnet));
    }
    PrivateZones zones = new PrivateZones(clients.route53());
    String[] all = attached.toArray(String[]::new);
    DnsEntry ssmEntry = PrivateZones.regionalEntry(ec2, ssm);
    String ssmZone = zones.create("ssm.us-east-1.amazonaws.com", all);
    zones.aliasA(ssmZone, "ssm.us-east-1.amazonaws.com", ssmEntry);
    // A zone for STS whose record was left pointing at public addresses.
    String stsZone = zones.create("sts.us-east-1.amazonaws.com", all);
    zones.plain(stsZone, "sts.us-east-1.amazonaws.com", "A", "209.54.177.164");
    return new Hub(hub, ssm, sts, s3, ssmZone, stsZone, ssmEntry);
  }

  private static String vpc(Ec2Client ec2, String cidr) {
    String id = ec2.createVpc(b -> b.cidrBlock(cidr)).vpc().vpcId();
    ec2.modifyVpcAttribute(b -> b.vpcId(id).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
    return id;
  }

  private static String endpoint(Ec2Client ec2, String vpc, String service, String... subnets) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(service).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(subnets).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--rule", "private-dns-disabled", "--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  private static Map<String, JsonNode> byResource(String json) throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode e : JSON.readTree(json).get("evaluations")) {
      m.put(e.get("resourceId").asText(), e);
    }
    return m;
  }

  private static VpcEndpoint describe(AwsClients clients, String id) {
    return clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(id)).vpcEndpoints().get(0);
  }

  @Test
  void scan_hubEndpointsWithTheirOwnZones_compliantWhereTheZoneResolvesToThemAndNoPlanElsewhere(LocalAws aws,
                                                                                              AwsClients clients)
      throws Exception {
    Hub hub = seed(clients);

    Cli result = scan(aws);

    assertThat(result.err()).isEmpty();
    Map<String, JsonNode> e = byResource(result.out());
    assertThat(e).containsOnlyKeys(hub.ssm(), hub.sts(), hub.s3());
    assertThat(e.get(hub.ssm()).get("status").asText()).isEqualTo("COMPLIANT");
    assertThat(e.get(hub.ssm()).get("reason").asText()).isEqualTo(hub.ssm() + " (" + SSM + ") has private DNS off,"
        + " but private hosted zone " + hub.ssmZone() + " (ssm.us-east-1.amazonaws.com) associated with " + hub.vpc()
        + " resolves ssm.us-east-1.amazonaws.com to it with an alias A record to " + hub.ssmEntry().dnsName());
    assertThat(e.get(hub.sts()).get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(e.get(hub.sts()).get("plan")).isEmpty();
    assertThat(e.get(hub.sts()).get("reason").asText()).isEqualTo(hub.sts() + " (" + STS + ") has private DNS off"
        + " although the service offers sts.us-east-1.amazonaws.com, and private hosted zone " + hub.stsZone()
        + " (sts.us-east-1.amazonaws.com) associated with " + hub.vpc() + " resolves that name elsewhere: an A record"
        + " holding 209.54.177.164 (209.54.177.164 is not an interface address of " + hub.sts() + "); the zone"
        + " conflicts with private DNS for that name, so no plan is made");
    JsonNode s3 = e.get(hub.s3());
    assertThat(s3.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(s3.get("plan")).singleElement().satisfies(change -> {
      assertThat(change.get("change").asText()).isEqualTo("EnablePrivateDns");
      assertThat(change.at("/detail/dnsOptions/privateDnsOnlyForInboundResolverEndpoint").asBoolean(true)).isFalse();
      assertThat(change.get("impact").asText()).contains("PrivateDnsOnlyForInboundResolverEndpoint=false");
    });
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
  }

  @Test
  void scanFix_s3InterfaceEndpointWithoutGatewayEndpoint_privateDnsOnWithTheDnsOption(LocalAws aws,
                                                                                      AwsClients clients)
      throws Exception {
    Hub hub = seed(clients);

    Cli fix = scan(aws, "--fix");

    Map<String, JsonNode> e = byResource(fix.out());
    assertThat(e.get(hub.s3()).get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(e.get(hub.s3()).get("error").isNull()).isTrue();
    assertThat(JSON.readTree(fix.out()).at("/summary/applied").asInt()).isEqualTo(1);
    VpcEndpoint s3 = describe(clients, hub.s3());
    assertThat(s3.privateDnsEnabled()).isTrue();
    assertThat(s3.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
    // Nothing else was touched: the hub's own-zone endpoints keep private DNS off.
    assertThat(describe(clients, hub.ssm()).privateDnsEnabled()).isFalse();
    assertThat(describe(clients, hub.sts()).privateDnsEnabled()).isFalse();

    Cli after = scan(aws);
    assertThat(byResource(after.out()).get(hub.s3()).get("status").asText()).isEqualTo("COMPLIANT");
    assertThat(after.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
  }
}
