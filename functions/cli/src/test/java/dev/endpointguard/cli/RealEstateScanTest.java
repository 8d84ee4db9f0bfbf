package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.SeededEndpointService;
import dev.endpointguard.plan.Cidr;
import dev.endpointguard.policy.DataPerimeterPolicies;
import dev.endpointguard.policy.EndpointPolicyEvaluator;
import dev.endpointguard.policy.EndpointRequest;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.PrivateZones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 10, done when: one estate holding every case of the issue — a hub VPC whose endpoints the spokes reach over a
 * transit gateway, with private DNS off and a private hosted zone per service, a security group open to the world;
 * AWS's S3 data-perimeter policy on the hub's S3 gateway endpoint; a partner's endpoint service in another Region; an
 * S3 interface endpoint with the default policy and private DNS off in a VPC without an S3 gateway endpoint; a policy
 * that trusts another organization — scanned with the organization trusted, then fixed. After the fix, read back from
 * the local AWS: every spoke can still reach the hub endpoint, AWS-owned buckets stay readable through the S3 endpoint,
 * nothing the rules should leave alone was written.
 */
@LocalAwsTest
class RealEstateScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ORG = DataPerimeterPolicies.ORG;
  private static final String FOREIGN_ORG = "o-z9y8x7w6v5";
  private static final String SSM = "com.amazonaws.us-east-1.ssm";
  private static final String S3 = "com.amazonaws.us-east-1.s3";
  private static final String KMS = "com.amazonaws.us-east-1.kms";
  private static final String PARTNER_SERVICE = "com.amazonaws.vpce.us-west-2.vpce-svc-0ccccccccccccccccc";
  private static final List<String> HUB_AND_SPOKES = List.of("10.40.0.0/16", "10.41.0.0/16", "10.42.0.0/16");

  private record Estate(String hub, List<String> spokes, String hubSsm, String hubSg, String hubS3Gateway,
                        String partner, String appVpc, String appS3, String foreignOrgKms, String ssmZone) {
  }

  private static Estate seed(LocalAws aws, AwsClients clients) {
    Ec2Client ec2 = clients.ec2();
    String hub = vpc(ec2, "10.40.0.0/16");
    String a = subnet(ec2, hub, "10.40.1.0/24", "us-east-1a");
    String b = subnet(ec2, hub, "10.40.2.0/24", "us-east-1b");
    List<String> spokes = List.of(vpc(ec2, "10.41.0.0/16"), vpc(ec2, "10.42.0.0/16"));
    String tgw = ec2.createTransitGateway(t -> t.description("hub")).transitGateway().transitGatewayId();
    ec2.createTransitGatewayVpcAttachment(t -> t.transitGatewayId(tgw).vpcId(hub).subnetIds(a, b));
    for (int i = 0; i < spokes.size(); i++) {
      String spoke = spokes.get(i);
      String cidr = "10.4" + (i + 1) + ".1.0/24";
      String subnet = subnet(ec2, spoke, cidr, "us-east-1a");
      ec2.createTransitGatewayVpcAttachment(t -> t.transitGatewayId(tgw).vpcId(spoke).subnetIds(subnet));
    }
    String hubTable = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(hub))).routeTables()
        .get(0).routeTableId();
    for (String spokeCidr : HUB_AND_SPOKES.subList(1, 3)) {
      ec2.createRoute(r -> r.routeTableId(hubTable).destinationCidrBlock(spokeCidr).transitGatewayId(tgw));
    }
    // Landing Zone Accelerator's endpoint group: tcp 443 from 0.0.0.0/0 by default.
    String sg = ec2.createSecurityGroup(g -> g.vpcId(hub).groupName("endpoints").description("endpoints")).groupId();
    ec2.authorizeSecurityGroupIngress(g -> g.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
        .toPort(443).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
    String hubSsm = ec2.createVpcEndpoint(e -> e.vpcId(hub).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(a, b).securityGroupIds(sg).privateDnsEnabled(false)
        .policyDocument(orgPolicy(ORG))).vpcEndpoint().vpcEndpointId();
    List<String> everyVpc = new ArrayList<>(List.of(hub));
    everyVpc.addAll(spokes);
    PrivateZones zones = new PrivateZones(clients.route53());
    String ssmZone = zones.create("ssm.us-east-1.amazonaws.com", everyVpc.toArray(String[]::new));
    zones.aliasA(ssmZone, "ssm.us-east-1.amazonaws.com", PrivateZones.regionalEntry(ec2, hubSsm));
    String hubS3Gateway = ec2.createVpcEndpoint(e -> e.vpcId(hub).serviceName(S3)
        .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(hubTable)
        .policyDocument(DataPerimeterPolicies.render(DataPerimeterPolicies.S3_ENDPOINT_POLICY))).vpcEndpoint()
        .vpcEndpointId();
    aws.seedEndpointService(SeededEndpointService.provider(PARTNER_SERVICE, "111122223333", "us-west-2",
        List.of("us-west-2a", "us-west-2b")));
    String partner = ec2.createVpcEndpoint(e -> e.vpcId(hub).serviceName(PARTNER_SERVICE).serviceRegion("us-west-2")
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(a, b).securityGroupIds(sg)).vpcEndpoint()
        .vpcEndpointId();

    String app = vpc(ec2, "10.43.0.0/16");
    String appA = subnet(ec2, app, "10.43.1.0/24", "us-east-1a");
    String appB = subnet(ec2, app, "10.43.2.0/24", "us-east-1b");
    String appS3 = ec2.createVpcEndpoint(e -> e.vpcId(app).serviceName(S3).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(appA, appB).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
    String foreignOrgKms = ec2.createVpcEndpoint(e -> e.vpcId(app).serviceName(KMS)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(appA, appB).policyDocument(orgPolicy(FOREIGN_ORG)))
        .vpcEndpoint().vpcEndpointId();
    return new Estate(hub, spokes, hubSsm, sg, hubS3Gateway, partner, app, appS3, foreignOrgKms, ssmZone);
  }

  private static String orgPolicy(String org) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + org + "\"}}}]}";
  }

  private static String vpc(Ec2Client ec2, String cidr) {
    String id = ec2.createVpc(v -> v.cidrBlock(cidr)).vpc().vpcId();
    ec2.modifyVpcAttribute(v -> v.vpcId(id).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
    return id;
  }

  private static String subnet(Ec2Client ec2, String vpc, String cidr, String az) {
    return ec2.createSubnet(s -> s.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--trusted-org-id", ORG, "--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  /** "resource/rule" → the evaluation. */
  private static Map<String, JsonNode> evaluations(String json) throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode e : JSON.readTree(json).get("evaluations")) {
      m.put(e.get("resourceId").asText() + "/" + e.get("rule").asText(), e);
    }
    return m;
  }

  private static String verdict(Map<String, JsonNode> e, String resource, String rule) {
    JsonNode evaluation = e.get(resource + "/" + rule);
    return evaluation.get("status").asText() + " " + evaluation.get("outcome").asText();
  }

  private static VpcEndpoint endpoint(AwsClients clients, String id) {
    return clients.ec2().describeVpcEndpoints(d -> d.vpcEndpointIds(id)).vpcEndpoints().get(0);
  }

  @Test
  void scan_realEstate_rightVerdictsAndPlansThatSayWhatTheyTakeAway(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = seed(aws, clients);

    Cli result = scan(aws);

    Map<String, JsonNode> e = evaluations(result.out());
    // a. The hub's own zone provides the service name: no drift.
    assertThat(verdict(e, estate.hubSsm(), "private-dns-disabled")).isEqualTo("COMPLIANT NONE");
    assertThat(e.get(estate.hubSsm() + "/private-dns-disabled").get("reason").asText())
        .contains("private hosted zone " + estate.ssmZone());
    // b. The group keeps the hub and both spokes.
    JsonNode sg = e.get(estate.hubSsm() + "/broad-endpoint-security-group");
    assertThat(sg.get("status").asText() + " " + sg.get("outcome").asText()).isEqualTo("NON_COMPLIANT PLANNED");
    assertThat(sg.at("/plan/0/detail/newSources")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(HUB_AND_SPOKES);
    assertThat(sg.at("/plan/0/impact").asText()).contains("is lost by every IPv4 source outside");
    // c. AWS's S3 data-perimeter policy passes, its organization trusted.
    assertThat(verdict(e, estate.hubS3Gateway(), "broad-endpoint-policy")).isEqualTo("COMPLIANT NONE");
    // f. A partner's service in another Region: the policy is not the control, and no plan rests on the unknown.
    assertThat(verdict(e, estate.partner(), "broad-endpoint-policy")).isEqualTo("NOT_APPLICABLE NONE");
    assertThat(result.err()).contains("incomplete: 123456789012/us-east-1 " + PARTNER_SERVICE);
    // d. The default policy on an S3 endpoint is narrowed, keeping AWS-owned buckets.
    JsonNode s3Policy = e.get(estate.appS3() + "/broad-endpoint-policy");
    assertThat(s3Policy.get("status").asText() + " " + s3Policy.get("outcome").asText())
        .isEqualTo("NON_COMPLIANT PLANNED");
    assertThat(s3Policy.at("/plan/0/detail/newPolicy").asText()).contains("AwsOwnedResources")
        .contains("arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*")
        .contains("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*");
    // j. Private DNS for the S3 interface endpoint without a gateway endpoint sends the DNS option.
    JsonNode s3Dns = e.get(estate.appS3() + "/private-dns-disabled");
    assertThat(s3Dns.at("/plan/0/detail/dnsOptions/privateDnsOnlyForInboundResolverEndpoint").asBoolean(true))
        .isFalse();
    // h. The statement trusting another organization: said plainly that the policy will allow nothing.
    JsonNode foreign = e.get(estate.foreignOrgKms() + "/broad-endpoint-policy");
    assertThat(foreign.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(foreign.at("/plan/0/impact").asText()).contains("organization " + FOREIGN_ORG)
        .contains("the policy will allow nothing through the endpoint");
    // The hub endpoint's own policy names the trusted organization only.
    assertThat(verdict(e, estate.hubSsm(), "broad-endpoint-policy")).isEqualTo("COMPLIANT NONE");
  }

  @Test
  void scanFix_realEstate_spokesKeepTheHubEndpoint_awsOwnedBucketsStayReadable(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = seed(aws, clients);
    String s3GatewayPolicy = endpoint(clients, estate.hubS3Gateway()).policyDocument();
    String partnerPolicy = endpoint(clients, estate.partner()).policyDocument();

    Cli fix = scan(aws, "--fix");

    assertThat(JSON.readTree(fix.out()).at("/summary/failed").asInt()).isZero();
    // Every spoke (and the hub) still reaches the hub endpoint on 443, and the world no longer does.
    List<IpPermission> ingress = clients.ec2().describeSecurityGroups(g -> g.groupIds(estate.hubSg()))
        .securityGroups().get(0).ipPermissions();
    List<String> sources = ingress.stream().filter(p -> "tcp".equals(p.ipProtocol()) && p.fromPort() == 443)
        .flatMap(p -> p.ipRanges().stream()).map(r -> r.cidrIp()).toList();
    assertThat(sources).doesNotContain("0.0.0.0/0");
    for (String client : List.of("10.40.1.10/32", "10.41.1.10/32", "10.42.1.10/32")) {
      Cidr host = Cidr.parse(client).orElseThrow();
      assertThat(sources).as("a source admitting " + client)
          .anyMatch(s -> Cidr.parse(s).orElseThrow().contains(host));
    }
    // The spokes still resolve the service name to the hub endpoint through the zone they share.
    assertThat(clients.route53().listHostedZonesByVPC(z -> z.vpcId(estate.spokes().get(0)).vpcRegion("us-east-1"))
        .hostedZoneSummaries()).extracting(z -> z.hostedZoneId()).contains(estate.ssmZone());
    assertThat(endpoint(clients, estate.hubSsm()).privateDnsEnabled()).isFalse();
    // The S3 endpoint's narrowed policy still lets yum/dnf, SSM Agent and ECR layer pulls read AWS-owned buckets,
    // and still keeps a principal outside the organization from writing to its own bucket.
    String narrowed = endpoint(clients, estate.appS3()).policyDocument();
    assertThat(narrowed).contains("AwsOwnedResources");
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.anonymous("s3:GetObject",
        "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/core/mirrors/latest/x86_64/mirror.list", estate.appVpc())))
        .isTrue();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.anonymous("s3:GetObject",
        "arn:aws:s3:::amazon-ssm-us-east-1/latest/linux_amd64/amazon-ssm-agent.rpm", estate.appVpc()))).isTrue();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed("999988887777", Optional.empty(),
        "s3:GetObject", "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/abc"))).isTrue();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed("999988887777", Optional.empty(),
        "s3:PutObject", "arn:aws:s3:::exfiltration-bucket/data"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(narrowed, EndpointRequest.signed("123456789012", Optional.of(ORG),
        "s3:PutObject", "arn:aws:s3:::our-bucket/data"))).isTrue();
    // Private DNS of the S3 interface endpoint is on, with the DNS option AWS needs without a gateway endpoint.
    VpcEndpoint s3 = endpoint(clients, estate.appS3());
    assertThat(s3.privateDnsEnabled()).isTrue();
    assertThat(s3.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
    // What the rules must leave alone was not written.
    assertThat(endpoint(clients, estate.hubS3Gateway()).policyDocument()).isEqualTo(s3GatewayPolicy);
    assertThat(endpoint(clients, estate.partner()).policyDocument()).isEqualTo(partnerPolicy);
    // A rescan: what was fixed is compliant.
    Map<String, JsonNode> after = evaluations(scan(aws).out());
    assertThat(verdict(after, estate.hubSsm(), "broad-endpoint-security-group")).isEqualTo("COMPLIANT NONE");
    assertThat(verdict(after, estate.appS3(), "broad-endpoint-policy")).isEqualTo("COMPLIANT NONE");
    assertThat(verdict(after, estate.appS3(), "private-dns-disabled")).isEqualTo("COMPLIANT NONE");
  }
}
