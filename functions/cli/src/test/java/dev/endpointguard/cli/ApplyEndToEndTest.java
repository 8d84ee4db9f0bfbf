package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.FaultProxy;
import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.report.PlanFile;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.LocalEndpointServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: review, then apply. {@code scan --plan-out} writes every plan; {@code apply} applies exactly those changes
 * where the resource is still as the plan saw it, skips with the difference where it is not, refuses a plan for
 * another account or Region or an edited file before any write, and writes nothing for a plan already applied. Writes
 * are counted by a proxy in front of the local AWS.
 */
@LocalAwsTest
class ApplyEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;


  private static Cli run(String... args) {
    return Cli.run(args);
  }

  private static DemoEstate seed(LocalAws aws, AwsClients clients) {
    return DemoEstate.seed(clients.ec2(), clients.route53(), aws, "123456789012");
  }

  private Path planOut(LocalAws aws) {
    Path plan = dir.resolve("plan.json");
    Cli scan = run("scan", "--endpoint-url", aws.endpoint().toString(), "--region", "us-east-1",
        "--trusted-org-id", DemoEstate.ORG_ID, "--format", "json", "--plan-out", plan.toString());
    assertThat(scan.exit()).as(scan.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    assertThat(scan.err()).startsWith("plan: ").contains(" written to " + plan)
        // The apply command it prints works as printed: the launcher, the plan's Region, the scan's endpoint.
        .contains("then: bin/endpoint-guard apply " + plan + " --region us-east-1 --endpoint-url " + aws.endpoint());
    return plan;
  }

  private static Cli apply(String endpoint, Path plan, String... extra) {
    List<String> args = new ArrayList<>(List.of("apply", plan.toString(), "--endpoint-url", endpoint,
        "--region", "us-east-1"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** "change target" → "OUTCOME reason" for each change of an apply's JSON output. */
  private static Map<String, String> outcomes(String json) throws Exception {
    Map<String, String> m = new HashMap<>();
    for (JsonNode c : JSON.readTree(json).get("changes")) {
      m.merge(c.get("change").asText() + " " + c.get("target").asText(),
          c.get("outcome").asText() + (c.get("reason").isNull() ? "" : " " + c.get("reason").asText()),
          (a, b) -> a + " | " + b);
    }
    return m;
  }

  private static String policy(AwsClients clients, String endpointId) {
    return clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().get(0)
        .policyDocument();
  }

  private static FaultProxy counting(LocalAws aws) throws Exception {
    return new FaultProxy(aws.endpoint(), FaultProxy.Fault.THROTTLE, 0.0, Duration.ZERO, 1);
  }

  @Test
  void planOut_thenApply_fixesEveryPlannedFinding_andVerifiesIt(LocalAws aws, AwsClients clients) throws Exception {
    DemoEstate estate = seed(aws, clients);
    String kmsPolicy = policy(clients, estate.id("default-policy-kms"));
    Path plan = planOut(aws);
    JsonNode file = JSON.readTree(Files.readString(plan));
    assertThat(file.get("version").asText()).isEqualTo("endpoint-guard-plan/1");
    assertThat(file.get("changes").size()).isGreaterThanOrEqualTo(6);
    assertThat(policy(clients, estate.id("default-policy-kms"))).as("scan --plan-out writes nothing")
        .isEqualTo(kmsPolicy);

    Cli applied = apply(aws.endpoint().toString(), plan);

    assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(EndpointGuardCli.OK);
    assertThat(applied.out()).startsWith("endpoint-guard apply of " + plan)
        .contains("APPLIED", "rollback: aws ec2 modify-vpc-endpoint --vpc-endpoint-id "
            + estate.id("default-policy-kms") + " --policy-document '")
        .doesNotContain("SKIPPED", "FAILED", "NOT_ATTEMPTED");
    assertThat(applied.out()).containsPattern("\\d+ changes: \\d+ applied, \\d+ already in effect, 0 skipped,"
        + " 0 failed, 0 not attempted");
    assertThat(policy(clients, estate.id("default-policy-kms"))).contains("aws:PrincipalOrgID");
    assertThat(policy(clients, estate.id("foreign-principal-sts"))).doesNotContain(DemoEstate.FOREIGN_ACCOUNT);
    assertThat(clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.id("private-dns-off-logs")))
        .vpcEndpoints().get(0).privateDnsEnabled()).isTrue();
    assertThat(clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.id("single-az-ec2messages")))
        .vpcEndpoints().get(0).subnetIds()).hasSize(2);
    ScanEndToEndTest.assertOpenGroupNarrowedAndDnsHostnamesOn(clients, estate);
    // A scan now finds only what had no plan.
    Cli after = run("scan", "--endpoint-url", aws.endpoint().toString(), "--region", "us-east-1",
        "--trusted-org-id", DemoEstate.ORG_ID, "--format", "json");
    assertThat(JSON.readTree(after.out()).at("/summary/nonCompliant").asInt()).isEqualTo(4);
  }

  @Test
  void drift_theChangedResourceIsSkippedWithTheDifference_theOthersApplied(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate estate = seed(aws, clients);
    Path plan = planOut(aws);
    String kms = estate.id("default-policy-kms");
    String someoneElses = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
    clients.ec2().modifyVpcEndpoint(b -> b.vpcEndpointId(kms).policyDocument(someoneElses));

    Cli applied = apply(aws.endpoint().toString(), plan, "--format", "json");

    assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    Map<String, String> outcomes = outcomes(applied.out());
    assertThat(outcomes).containsEntry("NarrowPolicy " + kms,
        "SKIPPED policy document of " + kms + " changed since the plan");
    assertThat(outcomes).containsEntry("NarrowPolicy " + estate.id("foreign-principal-sts"), "APPLIED")
        .containsEntry("AddSubnets " + estate.id("single-az-ec2messages"), "APPLIED")
        .containsEntry("ReplaceIngressSource " + estate.id("open-sg"), "APPLIED");
    assertThat(outcomes.values()).filteredOn(v -> v.startsWith("SKIPPED")).hasSize(1);
    assertThat(JSON.readTree(applied.out()).at("/summary/SKIPPED").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(policy(clients, kms))).isEqualTo(JSON.readTree(someoneElses));
  }

  @Test
  void resourceGoneSinceThePlan_isSkipped_theRestApplied_exitFour(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate estate = seed(aws, clients);
    Path plan = planOut(aws);
    String gone = estate.id("single-az-ec2messages");
    clients.ec2().deleteVpcEndpoints(b -> b.vpcEndpointIds(gone));

    Cli applied = apply(aws.endpoint().toString(), plan, "--format", "json");

    assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(EndpointGuardCli.NOT_EVALUATED);
    assertThat(outcomes(applied.out())).containsEntry("AddSubnets " + gone, "SKIPPED " + gone + " is gone");
    assertThat(outcomes(applied.out()).values()).filteredOn(v -> !v.startsWith("APPLIED")).hasSize(1);
    assertThat(applied.err()).startsWith("endpoint-guard: not read: " + gone + ": ");
  }

  @Test
  void planForAnotherAccountOrRegion_orEdited_isRefused_nothingWritten(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate estate = seed(aws, clients);
    Path plan = planOut(aws);
    String text = Files.readString(plan);
    PlanFile read = PlanFile.parse(text);
    Path otherAccount = dir.resolve("other-account.json");
    Files.writeString(otherAccount, new PlanFile(read.generatedAt(), "111111111111", read.region(), read.changes())
        .toJson());
    Path edited = dir.resolve("edited.json");
    Files.writeString(edited, text.replace(estate.id("open-sg"), "sg-0123456789abcdef0"));
    Path report = dir.resolve("report.json");
    Files.writeString(report, run("scan", "--endpoint-url", aws.endpoint().toString(), "--region", "us-east-1",
        "--format", "json").out());
    String kmsPolicy = policy(clients, estate.id("default-policy-kms"));

    try (FaultProxy proxy = counting(aws)) {
      String endpoint = proxy.endpoint().toString();
      Cli account = apply(endpoint, otherAccount);
      int callsAfterAccount = proxy.ec2Calls();
      Cli region = run("apply", plan.toString(), "--endpoint-url", endpoint, "--region", "us-west-2");
      Cli tampered = apply(endpoint, edited);
      Cli notAPlan = apply(endpoint, report);

      assertThat(account.exit()).isEqualTo(EndpointGuardCli.USAGE);
      assertThat(account.err()).isEqualTo("endpoint-guard: apply refused, nothing written: " + otherAccount
          + ": the plan is for account 111111111111, the credentials are for account 123456789012\n");
      assertThat(callsAfterAccount).as("no EC2 call, only STS").isZero();
      assertThat(region.exit()).isEqualTo(EndpointGuardCli.USAGE);
      assertThat(region.err()).isEqualTo("endpoint-guard: apply refused, nothing written: " + plan
          + ": the plan is for Region us-east-1, the Region in use is us-west-2 (pass --region us-east-1)\n");
      assertThat(tampered.exit()).isEqualTo(EndpointGuardCli.USAGE);
      assertThat(tampered.err()).startsWith("endpoint-guard: apply refused, nothing written: " + edited
          + ": the plan file was changed after it was written: its digest ");
      assertThat(notAPlan.exit()).isEqualTo(EndpointGuardCli.USAGE);
      assertThat(notAPlan.err()).isEqualTo("endpoint-guard: apply refused, nothing written: " + report
          + ": not an endpoint-guard-plan/1 file (its version is \"endpoint-guard/1\")\n");
      assertThat(account.out() + region.out() + tampered.out() + notAPlan.out()).isEmpty();
      assertThat(proxy.ec2Calls()).isZero();
      assertThat(proxy.acceptedWrites()).isEmpty();
    }
    assertThat(policy(clients, estate.id("default-policy-kms"))).isEqualTo(kmsPolicy);
  }

  @Test
  void applyingAnAppliedPlan_everyChangeAlreadyInEffect_nothingWritten(LocalAws aws, AwsClients clients)
      throws Exception {
    seed(aws, clients);
    Path plan = planOut(aws);
    assertThat(apply(aws.endpoint().toString(), plan).exit()).isEqualTo(EndpointGuardCli.OK);

    try (FaultProxy proxy = counting(aws)) {
      Cli again = apply(proxy.endpoint().toString(), plan, "--format", "json");

      assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(EndpointGuardCli.OK);
      assertThat(outcomes(again.out()).values()).isNotEmpty()
          .allSatisfy(v -> assertThat(v).startsWith("ALREADY_IN_EFFECT").doesNotContain("APPLIED |"));
      assertThat(JSON.readTree(again.out()).at("/summary/APPLIED").asInt()).isZero();
      assertThat(proxy.acceptedWrites()).isEmpty();
      assertThat(proxy.ec2Calls()).isPositive();
    }
  }

  @Test
  void planOutWithFix_isAUsageError_nothingScanned(LocalAws aws) {
    Cli both = run("scan", "--endpoint-url", aws.endpoint().toString(), "--region", "us-east-1", "--fix",
        "--plan-out", dir.resolve("plan.json").toString());

    assertThat(both.exit()).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(both.err()).startsWith("endpoint-guard: use --fix or --plan-out, not both");
    assertThat(Files.exists(dir.resolve("plan.json"))).isFalse();
  }

  @Test
  void endpointServiceOpenToEveryone_planOutThenApply_requiresAcceptance_principalsKept(LocalAws aws,
      AwsClients clients) throws Exception {
    // Issue 12 parts 3 and 4 together: the provider-side plan round-trips through the plan file.
    String vpc = clients.ec2().createVpc(b -> b.cidrBlock("10.70.0.0/16")).vpc().vpcId();
    String subnet = clients.ec2().createSubnet(b -> b.vpcId(vpc).cidrBlock("10.70.1.0/24")
        .availabilityZone("us-east-1a")).subnet().subnetId();
    String service = new LocalEndpointServices(aws, clients.ec2()).create(subnet, false, List.of("*"), List.of());
    Path plan = dir.resolve("plan.json");

    Cli scan = run("scan", "--endpoint-url", aws.endpoint().toString(), "--region", "us-east-1",
        "--rule", "broad-endpoint-service-permissions", "--format", "json", "--plan-out", plan.toString());
    assertThat(scan.exit()).as(scan.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    JsonNode change = JSON.readTree(Files.readString(plan)).get("changes").get(0);
    assertThat(change.get("change").asText()).isEqualTo("RequireAcceptance");
    assertThat(change.get("target").asText()).isEqualTo(service);
    assertThat(change.get("detail").get("untrustedPrincipals").get(0).asText()).isEqualTo("*");
    assertThat(change.get("expect").get("acceptanceRequired").asBoolean()).isFalse();

    Cli applied = apply(aws.endpoint().toString(), plan, "--format", "json");

    assertThat(applied.exit()).as(applied.err() + applied.out()).isZero();
    assertThat(outcomes(applied.out())).containsEntry("RequireAcceptance " + service, "APPLIED");
    var config = clients.ec2().describeVpcEndpointServiceConfigurations(b -> b.serviceIds(service))
        .serviceConfigurations().get(0);
    assertThat(config.acceptanceRequired()).isTrue();
    assertThat(clients.ec2().describeVpcEndpointServicePermissions(b -> b.serviceId(service)).allowedPrincipals())
        .extracting(p -> p.principal()).containsExactly("*");
  }
}
