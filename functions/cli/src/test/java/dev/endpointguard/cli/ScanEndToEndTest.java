package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The engine issue's definition of done: `scan --format json` over an estate holding every case gives the right
 * status for each (rule, resource); `--fix` brings every fixable one to COMPLIANT with the AWS state verified.
 */
@LocalAwsTest
class ScanEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();


  private static Cli run(String... args) {
    return Cli.run(args);
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--trusted-org-id", DemoEstate.ORG_ID, "--format", "json"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** "resource-name/rule" → "STATUS outcome" for every evaluation, names from the seeded estate. */
  private static Map<String, String> verdicts(DemoEstate estate, String json) throws Exception {
    Map<String, String> names = new HashMap<>();
    estate.ids().forEach((name, id) -> names.put(id, name));
    Map<String, String> verdicts = new HashMap<>();
    for (JsonNode e : JSON.readTree(json).get("evaluations")) {
      String name = names.getOrDefault(e.get("resourceId").asText(), e.get("resourceId").asText());
      verdicts.put(name + "/" + e.get("rule").asText(), e.get("status").asText() + " " + e.get("outcome").asText());
    }
    return verdicts;
  }

  private static Map<String, String> expectedBeforeFix() {
    Map<String, String> m = new HashMap<>();
    String[] allCompliant = {"healthy-ssm", "s3-interface-beside-gateway", "one-az-service", "policy-unsupported"};
    for (String e : List.of("healthy-ssm", "single-az-ec2messages", "private-dns-off-logs", "default-policy-kms",
        "foreign-principal-sts", "open-sg-secretsmanager", "shared-sg-ecr-api", "s3-interface-beside-gateway",
        "hostnames-off-sqs", "zone-conflict-secretsmanager", "one-az-service", "policy-unsupported")) {
      for (String rule : List.of("single-az-endpoint", "private-dns-disabled", "broad-endpoint-policy",
          "broad-endpoint-security-group")) {
        m.put(e + "/" + rule, "COMPLIANT NONE");
      }
    }
    assertThat(allCompliant).isNotEmpty();
    m.put("single-az-ec2messages/single-az-endpoint", "NON_COMPLIANT PLANNED");
    m.put("private-dns-off-logs/private-dns-disabled", "NON_COMPLIANT PLANNED");
    m.put("default-policy-kms/broad-endpoint-policy", "NON_COMPLIANT PLANNED");
    m.put("foreign-principal-sts/broad-endpoint-policy", "NON_COMPLIANT PLANNED");
    m.put("open-sg-secretsmanager/broad-endpoint-security-group", "NON_COMPLIANT PLANNED");
    m.put("shared-sg-ecr-api/broad-endpoint-security-group", "NON_COMPLIANT NONE");
    m.put("s3-interface-beside-gateway/private-dns-disabled", "NOT_APPLICABLE NONE");
    m.put("hostnames-off-sqs/single-az-endpoint", "NON_COMPLIANT NONE");
    m.put("zone-conflict-secretsmanager/single-az-endpoint", "NON_COMPLIANT NONE");
    m.put("zone-conflict-secretsmanager/private-dns-disabled", "NON_COMPLIANT NONE");
    m.put("policy-unsupported/broad-endpoint-policy", "NOT_APPLICABLE NONE");
    for (String rule : List.of("single-az-endpoint", "private-dns-disabled", "broad-endpoint-policy",
        "broad-endpoint-security-group")) {
      m.put("exempt-monitoring/" + rule, "NOT_APPLICABLE NONE");
    }
    m.put("s3-gateway/single-az-endpoint", "NOT_APPLICABLE NONE");
    m.put("s3-gateway/private-dns-disabled", "NOT_APPLICABLE NONE");
    m.put("s3-gateway/broad-endpoint-policy", "COMPLIANT NONE");
    m.put("s3-gateway/broad-endpoint-security-group", "NOT_APPLICABLE NONE");
    m.put("app-vpc/vpc-dns-disabled", "COMPLIANT NONE");
    m.put("data-vpc/vpc-dns-disabled", "NON_COMPLIANT PLANNED");
    m.put("edge-vpc/vpc-dns-disabled", "COMPLIANT NONE");
    return m;
  }

  private static DemoEstate seed(LocalAws aws, AwsClients clients) {
    return DemoEstate.seed(clients.ec2(), clients.route53(), aws, "123456789012");
  }

  @Test
  void scan_everyCase_givesTheRightStatusForEachRuleAndResource(LocalAws aws, AwsClients clients) throws Exception {
    DemoEstate estate = seed(aws, clients);

    Cli result = scan(aws);

    assertThat(result.err()).isEmpty();
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    assertThat(verdicts(estate, result.out())).containsExactlyInAnyOrderEntriesOf(expectedBeforeFix());
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("version").asText()).isEqualTo("endpoint-guard/1");
    assertThat(report.get("account").asText()).isEqualTo("123456789012");
    assertThat(report.get("region").asText()).isEqualTo("us-east-1");
    assertThat(report.at("/summary/evaluated").asInt()).isEqualTo(expectedBeforeFix().size());
    assertThat(report.at("/summary/nonCompliant").asInt()).isEqualTo(10);
    assertThat(report.at("/summary/applied").asInt()).isZero();
    // Issue 10 h: every planned change says what it takes away and how to undo it (DESIGN.md §3).
    int changes = 0;
    for (JsonNode evaluation : report.get("evaluations")) {
      for (JsonNode change : evaluation.get("plan")) {
        assertThat(change.get("impact").asText()).as(change.toString()).isNotBlank();
        assertThat(change.get("rollback").asText()).as(change.toString()).startsWith("aws ec2 ");
        changes++;
      }
    }
    assertThat(changes).isGreaterThanOrEqualTo(6);
  }

  @Test
  void scan_withoutFix_writesNothing(LocalAws aws, AwsClients clients) throws Exception {
    DemoEstate estate = seed(aws, clients);
    VpcEndpoint before = endpoint(clients, estate.id("default-policy-kms"));

    scan(aws);

    assertThat(endpoint(clients, estate.id("default-policy-kms")).policyDocument())
        .isEqualTo(before.policyDocument());
    assertThat(endpoint(clients, estate.id("private-dns-off-logs")).privateDnsEnabled()).isFalse();
  }

  @Test
  void scanFix_bringsEveryFixableFindingToCompliant_andVerifiesTheState(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate estate = seed(aws, clients);

    Cli fix = scan(aws, "--fix");

    Map<String, String> fixed = verdicts(estate, fix.out());
    assertThat(fixed).containsEntry("single-az-ec2messages/single-az-endpoint", "NON_COMPLIANT APPLIED")
        .containsEntry("private-dns-off-logs/private-dns-disabled", "NON_COMPLIANT APPLIED")
        .containsEntry("default-policy-kms/broad-endpoint-policy", "NON_COMPLIANT APPLIED")
        .containsEntry("foreign-principal-sts/broad-endpoint-policy", "NON_COMPLIANT APPLIED")
        .containsEntry("open-sg-secretsmanager/broad-endpoint-security-group", "NON_COMPLIANT APPLIED")
        .containsEntry("data-vpc/vpc-dns-disabled", "NON_COMPLIANT APPLIED");
    assertThat(JSON.readTree(fix.out()).at("/summary/applied").asInt()).isEqualTo(6);
    assertThat(JSON.readTree(fix.out()).at("/summary/failed").asInt()).isZero();

    // The AWS state, read directly.
    assertThat(endpoint(clients, estate.id("single-az-ec2messages")).subnetIds())
        .containsExactlyInAnyOrder(estate.id("app-private-a"), estate.id("app-private-b"));
    assertThat(endpoint(clients, estate.id("private-dns-off-logs")).privateDnsEnabled()).isTrue();
    assertThat(endpoint(clients, estate.id("default-policy-kms")).policyDocument())
        .contains("aws:PrincipalOrgID").contains(DemoEstate.ORG_ID);
    assertThat(endpoint(clients, estate.id("foreign-principal-sts")).policyDocument())
        .doesNotContain(DemoEstate.FOREIGN_ACCOUNT);
    assertOpenGroupNarrowedAndDnsHostnamesOn(clients, estate);

    // What a person must still look at, and nothing else.
    Cli after = scan(aws);
    Map<String, String> expected = expectedBeforeFix();
    expected.replaceAll((k, v) -> v.equals("NON_COMPLIANT PLANNED") ? "COMPLIANT NONE" : v);
    assertThat(verdicts(estate, after.out())).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(after.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    assertThat(JSON.readTree(after.out()).at("/summary/nonCompliant").asInt()).isEqualTo(4);
  }

  @Test
  void scanFix_twice_secondRunChangesNothing(LocalAws aws, AwsClients clients) throws Exception {
    seed(aws, clients);
    scan(aws, "--fix");

    Cli again = scan(aws, "--fix");

    assertThat(JSON.readTree(again.out()).at("/summary/applied").asInt()).isZero();
    assertThat(again.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
  }

  @Test
  void scan_selectedEndpointAndRule_evaluatesOnlyThose(LocalAws aws, AwsClients clients) throws Exception {
    DemoEstate estate = seed(aws, clients);

    Cli result = scan(aws, "--vpc-endpoint-id", estate.id("healthy-ssm"), "--rule", "single-az-endpoint");

    assertThat(verdicts(estate, result.out())).containsExactly(Map.entry("healthy-ssm/single-az-endpoint",
        "COMPLIANT NONE"));
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.OK);
  }

  @Test
  void scan_withAlertTopic_publishesOneAlertPerFinding(LocalAws aws, AwsClients clients) throws Exception {
    seed(aws, clients);
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "endpoint-guard-alerts",
        "inbox")) {
      String topic = inbox.topicArn();
      Cli result = scan(aws, "--alert-topic-arn", topic);

      assertThat(result.err()).contains("alerts: 123456789012/us-east-1: 10 published to " + topic);
      List<String> rules = inbox.drain().stream().map(e -> e.at("/MessageAttributes/rule/Value").asText()).toList();
      assertThat(rules).hasSize(10).contains("single-az-endpoint", "private-dns-disabled", "vpc-dns-disabled",
          "broad-endpoint-policy", "broad-endpoint-security-group");
    }
  }

  @Test
  void scan_endpointThatDoesNotExist_saysSoOnStderrAndEvaluatesTheRest(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate estate = seed(aws, clients);

    Cli result = scan(aws, "--vpc-endpoint-id", "vpce-0123456789abcdef0", "--vpc-endpoint-id",
        estate.id("healthy-ssm"), "--rule", "single-az-endpoint");

    assertThat(result.err()).startsWith("endpoint-guard: not evaluated: 123456789012/us-east-1 vpce-0123456789abcdef0: ");
    assertThat(verdicts(estate, result.out())).containsExactly(Map.entry("healthy-ssm/single-az-endpoint",
        "COMPLIANT NONE"));
    // Issue 12: a gate must not pass a scan that left something in scope out: 4, not 0.
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.NOT_EVALUATED);
  }

  private static VpcEndpoint endpoint(AwsClients clients, String id) {
    return clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(id)).vpcEndpoints().get(0);
  }

  /**
   * The demo estate's open group admits only its VPC's network now (0.0.0.0/0 replaced by 10.0.0.0/16), and the data
   * VPC has DNS hostnames on: as the local AWS reads them back after a fix.
   */
  static void assertOpenGroupNarrowedAndDnsHostnamesOn(AwsClients clients, DemoEstate estate) {
    List<IpPermission> open = clients.ec2().describeSecurityGroups(b -> b.groupIds(estate.id("open-sg")))
        .securityGroups().get(0).ipPermissions();
    assertThat(open).flatExtracting(IpPermission::ipRanges).extracting(r -> r.cidrIp())
        .containsExactly("10.0.0.0/16");
    assertThat(clients.ec2().describeVpcAttribute(b -> b.vpcId(estate.id("data-vpc"))
        .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value()).isTrue();
  }
}
