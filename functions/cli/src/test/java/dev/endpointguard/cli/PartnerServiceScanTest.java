package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.SeededEndpointService;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 10 f: endpoints to a partner's endpoint service, in this Region (described, owner an account) and in another
 * Region (cross-Region PrivateLink: not described here). AWS allows full access through an endpoint to a service
 * other than an AWS service, so the policy rule does not apply; what the inventory could not read is said as such, and
 * no verdict with a plan rests on it.
 */
@LocalAwsTest
class PartnerServiceScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PARTNER = "111122223333";
  private static final String LOCAL_SERVICE = "com.amazonaws.vpce.us-east-1.vpce-svc-0aaaaaaaaaaaaaaaa";
  private static final String REMOTE_SERVICE = "com.amazonaws.vpce.us-west-2.vpce-svc-0bbbbbbbbbbbbbbbb";

  private record Estate(String local, String remote) {
  }

  private static Estate seed(LocalAws aws, AwsClients clients) {
    aws.seedEndpointService(SeededEndpointService.provider(LOCAL_SERVICE, PARTNER, "us-east-1",
        List.of("us-east-1a", "us-east-1b")));
    aws.seedEndpointService(SeededEndpointService.provider(REMOTE_SERVICE, PARTNER, "us-west-2",
        List.of("us-west-2a", "us-west-2b")));
    var ec2 = clients.ec2();
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.9.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    String b2 = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.9.1.0/24").availabilityZone("us-east-1b"))
        .subnet().subnetId();
    String local = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(LOCAL_SERVICE)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(a, b2)).vpcEndpoint().vpcEndpointId();
    String remote = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(REMOTE_SERVICE).serviceRegion("us-west-2")
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(a)).vpcEndpoint().vpcEndpointId();
    return new Estate(local, remote);
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  private static Map<String, JsonNode> byRuleAndResource(String json) throws Exception {
    Map<String, JsonNode> m = new HashMap<>();
    for (JsonNode e : JSON.readTree(json).get("evaluations")) {
      m.put(e.get("resourceId").asText() + "/" + e.get("rule").asText(), e);
    }
    return m;
  }

  @Test
  void scan_partnerServices_policyRuleDoesNotApply_andUnknownsAreSaidNotGuessed(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = seed(aws, clients);

    Cli result = scan(aws);

    Map<String, JsonNode> e = byRuleAndResource(result.out());
    JsonNode localPolicy = e.get(estate.local() + "/broad-endpoint-policy");
    assertThat(localPolicy.get("status").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(localPolicy.get("reason").asText()).contains("not an AWS service (owner " + PARTNER + ")")
        .contains("AWS allows full access through such an endpoint");
    JsonNode remotePolicy = e.get(estate.remote() + "/broad-endpoint-policy");
    assertThat(remotePolicy.get("status").asText()).isEqualTo("NOT_APPLICABLE");
    assertThat(remotePolicy.get("plan")).isEmpty();
    assertThat(e.get(estate.remote() + "/private-dns-disabled").get("status").asText()).isEqualTo("NOT_APPLICABLE");
    JsonNode remoteAzs = e.get(estate.remote() + "/single-az-endpoint");
    assertThat(remoteAzs.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(remoteAzs.get("plan")).isEmpty();
    assertThat(remoteAzs.get("reason").asText()).contains("the AZs it offers are unknown and no plan is made");
    // Nothing was left out: the remote service's facts are unknown, and stderr says so as such.
    assertThat(result.err()).contains("endpoint-guard: incomplete: 123456789012/us-east-1 " + REMOTE_SERVICE
        + ": DescribeVpcEndpointServices does not describe this service in us-east-1").doesNotContain("not evaluated");
    for (JsonNode evaluation : JSON.readTree(result.out()).get("evaluations")) {
      if (evaluation.get("resourceId").asText().equals(estate.remote())) {
        assertThat(evaluation.get("plan")).as(evaluation.toString()).isEmpty();
      }
    }
  }

  @Test
  void scanFix_partnerServices_writesNothingToTheirPolicies(LocalAws aws, AwsClients clients) throws Exception {
    Estate estate = seed(aws, clients);
    String before = clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.remote())).vpcEndpoints().get(0)
        .policyDocument();

    Cli fix = scan(aws, "--fix");

    assertThat(JSON.readTree(fix.out()).at("/summary/applied").asInt()).isZero();
    assertThat(clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.remote())).vpcEndpoints().get(0)
        .policyDocument()).isEqualTo(before);
  }
}
