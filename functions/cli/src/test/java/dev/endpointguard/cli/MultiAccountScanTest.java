package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.report.ToolVersion;
import dev.endpointguard.testing.LocalAccounts;
import dev.endpointguard.testing.LocalAwsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * Issue 12 parts 1 and 5: `scan` over an organization's accounts and several Regions, the report that says what it
 * covered and what it could not read, and the exit code that tells a pipeline the truth.
 */
@LocalAwsTest
class MultiAccountScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalAws local;
  private LocalAccounts accounts;


  @BeforeEach
  void setUp(LocalAws local, AwsClients clients) {
    this.local = local;
    this.accounts = new LocalAccounts(local, clients);
  }

  private Cli scan(String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", local.endpoint().toString()));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  @Test
  void organizationInTwoRegions_jsonCarriesScopesToolAndEveryEvaluationsAccountAndRegion() throws Exception {
    List<String> members = accounts.createMembers(2);
    String endpoint = accounts.singleAzEndpoint(members.get(1), Region.EU_WEST_1);
    Instant before = Instant.now().minusSeconds(1);

    Cli cli = scan("--organization", "--role-name", LocalAccounts.ORG_ROLE, "--region", "us-east-1",
        "--region", "eu-west-1", "--format", "json");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    JsonNode report = JSON.readTree(cli.out());
    assertThat(report.get("version").asText()).isEqualTo("endpoint-guard/1");
    assertThat(Instant.parse(report.get("generatedAt").asText())).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(report.get("tool").get("name").asText()).isEqualTo("endpoint-guard");
    assertThat(report.get("tool").get("version").asText()).isEqualTo(ToolVersion.version()).isNotBlank();
    assertThat(report.get("account").isNull()).isTrue();
    assertThat(report.get("region").isNull()).isTrue();
    List<String> scopes = new ArrayList<>();
    report.get("scopes").forEach(s -> scopes.add(s.get("account").asText() + "/" + s.get("region").asText()));
    // The organization's accounts in ListAccounts order, each account's Regions in the order asked.
    assertThat(scopes).containsExactlyInAnyOrder(
        LocalAccounts.CALLER + "/us-east-1", LocalAccounts.CALLER + "/eu-west-1",
        members.get(0) + "/us-east-1", members.get(0) + "/eu-west-1",
        members.get(1) + "/us-east-1", members.get(1) + "/eu-west-1");
    for (int i = 0; i < scopes.size(); i += 2) {
      assertThat(scopes.get(i)).endsWith("/us-east-1");
      assertThat(scopes.get(i + 1)).isEqualTo(scopes.get(i).replace("us-east-1", "eu-west-1"));
    }
    JsonNode finding = null;
    for (JsonNode e : report.get("evaluations")) {
      assertThat(e.get("account").asText()).matches("\\d{12}");
      assertThat(e.get("region").asText()).isIn("us-east-1", "eu-west-1");
      if (e.get("resourceId").asText().equals(endpoint) && e.get("rule").asText().equals("single-az-endpoint")) {
        finding = e;
      }
    }
    assertThat(finding).isNotNull();
    assertThat(finding.get("account").asText()).isEqualTo(members.get(1));
    assertThat(finding.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(finding.get("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("summary").get("notEvaluated").asInt()).isZero();
    // Piped output: no progress lines.
    assertThat(cli.err()).doesNotContain("[1/6]");
  }

  @Test
  void text_groupsFindingsByAccountRegionAndVpc_withPlanImpactAndCost_thenProblemsAndSummary() {
    List<String> members = accounts.createMembers(1);
    String endpoint = accounts.singleAzEndpoint(members.get(0), Region.US_EAST_1);

    Cli cli = scan("--account-id", members.get(0), "--account-id", "444444444444", "--role-name",
        LocalAccounts.ORG_ROLE, "--region", "us-east-1", "--format", "text");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    String text = cli.out();
    int account = text.indexOf("Account " + members.get(0) + " · us-east-1");
    int vpc = text.indexOf("VPC vpc-", account);
    int finding = text.indexOf("single-az-endpoint                 " + endpoint, vpc);
    int problems = text.indexOf("Could not evaluate");
    int summary = text.indexOf("Summary");
    assertThat(account).as(text).isNotNegative();
    assertThat(vpc).as(text).isGreaterThan(account);
    assertThat(finding).as(text).isGreaterThan(vpc);
    assertThat(problems).as(text).isGreaterThan(finding);
    assertThat(summary).as(text).isGreaterThan(problems);
    assertThat(text.substring(finding)).contains("plan: add subnet(s)").contains("impact:")
        .contains("cost: +$7.30 per month");
    assertThat(text.substring(problems)).contains("444444444444: could not assume arn:aws:iam::444444444444:role/"
        + LocalAccounts.ORG_ROLE + ": AccessDenied: User: ").doesNotContain("Request ID");
    assertThat(text.substring(summary)).contains("Monthly cost of the planned changes: +$7.30");
  }

  @Test
  void nothingNonCompliant_butARegionNotEnabled_exitsFour_andSaysWhy() throws Exception {
    Cli cli = scan("--region", "us-east-1", "--region", "ap-east-1", "--format", "json");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NOT_EVALUATED);
    JsonNode report = JSON.readTree(cli.out());
    assertThat(report.get("summary").get("nonCompliant").asInt()).isZero();
    assertThat(report.get("summary").get("notEvaluated").asInt()).isEqualTo(1);
    JsonNode problem = report.get("problems").get(0);
    assertThat(problem.get("account").asText()).isEqualTo(LocalAccounts.CALLER);
    assertThat(problem.get("region").asText()).isEqualTo("ap-east-1");
    assertThat(problem.get("resourceId").isNull()).isTrue();
    assertThat(problem.get("notEvaluated").asBoolean()).isTrue();
    assertThat(problem.get("message").asText()).contains("401").contains("until the account enables it");
    assertThat(cli.err()).contains("endpoint-guard: not evaluated: " + LocalAccounts.CALLER + "/ap-east-1: ");
  }

  @Test
  void anEndpointIdThatDoesNotExist_inAnOtherwiseCleanScan_exitsFour() throws Exception {
    Cli cli = scan("--region", "us-east-1", "--vpc-endpoint-id", "vpce-0123456789abcdef0", "--format", "json");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NOT_EVALUATED);
    JsonNode problem = JSON.readTree(cli.out()).get("problems").get(0);
    assertThat(problem.get("resourceId").asText()).isEqualTo("vpce-0123456789abcdef0");
    assertThat(problem.get("notEvaluated").asBoolean()).isTrue();
  }

  @Test
  void accountsFileAndProgress_eachScopeReportedOnStderrAsItFinishes(@TempDir Path dir) throws Exception {
    List<String> members = accounts.createMembers(2);
    Path file = Files.writeString(dir.resolve("accounts"), "# members\n" + members.get(0) + "\n" + members.get(1)
        + "  # second\n");

    Cli cli = scan("--accounts-file", file.toString(), "--role-name", LocalAccounts.ORG_ROLE, "--region",
        "us-east-1", "--region", "eu-west-1", "--progress", "--concurrency", "2", "--format", "json");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.OK);
    List<String> lines = cli.err().lines().filter(l -> l.startsWith("[")).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines).extracting(l -> l.substring(0, l.indexOf(']') + 1))
        .containsExactly("[1/4]", "[2/4]", "[3/4]", "[4/4]");
    assertThat(lines).allSatisfy(l -> assertThat(l).matches("\\[\\d/4] \\d{12} (us-east-1|eu-west-1): \\d+ evaluated,"
        + " 0 NON_COMPLIANT"));
    assertThat(JSON.readTree(cli.out()).get("scopes")).hasSize(4);
  }

  @Test
  void allRegions_scansTheEnabledRegionsOnly() throws Exception {
    // --all-regions lists the Regions from the home Region, resolved as the AWS CLI does (here: aws.region).
    String before = System.getProperty("aws.region");
    System.setProperty("aws.region", "us-east-1");
    Cli cli;
    try {
      cli = scan("--all-regions", "--format", "json");
    } finally {
      if (before == null) {
        System.clearProperty("aws.region");
      } else {
        System.setProperty("aws.region", before);
      }
    }

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.OK);
    List<String> regions = new ArrayList<>();
    JSON.readTree(cli.out()).get("scopes").forEach(s -> regions.add(s.get("region").asText()));
    assertThat(regions).contains("us-east-1", "eu-west-1", "ap-northeast-1").doesNotContain("ap-east-1",
        "me-south-1", "us-gov-west-1", "cn-north-1");
  }

  @Test
  void securityHub_eachAccountImportsIntoItsOwnHub_andAHubNotEnabledIsSaid(AwsClients home) {
    List<String> members = accounts.createMembers(2);
    String endpoint = accounts.singleAzEndpoint(members.get(0), Region.US_EAST_1);
    accounts.singleAzEndpoint(members.get(1), Region.US_EAST_1);
    try (AwsClients first = accounts.clients(members.get(0), Region.US_EAST_1)) {
      first.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

      Cli cli = scan("--account-id", members.get(0), "--account-id", members.get(1), "--role-name",
          LocalAccounts.ORG_ROLE, "--region", "us-east-1", "--security-hub", "--format", "json");

      assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
      var findings = first.securityHub().getFindings(b -> b.maxResults(100)).findings();
      assertThat(findings).isNotEmpty().allSatisfy(f -> {
        assertThat(f.awsAccountId()).isEqualTo(members.get(0));
        assertThat(f.productArn()).isEqualTo("arn:aws:securityhub:us-east-1:" + members.get(0) + ":product/"
            + members.get(0) + "/default");
      });
      assertThat(findings).anySatisfy(f -> assertThat(f.id()).isEqualTo("endpoint-guard/" + members.get(0)
          + "/us-east-1/single-az-endpoint/" + endpoint));
      assertThat(cli.err()).containsPattern("securityHub: [1-9]\\d* imported, 0 failed in " + members.get(0)
          + "/us-east-1");
      assertThat(cli.err()).contains("Security Hub is not enabled in " + members.get(1) + "/us-east-1");
    }
    assertThat(home.securityHub().getFindings(b -> b.maxResults(100)).findings())
        .as("nothing lands in the caller's own hub").isEmpty();
  }

  @Test
  void planOut_severalScopes_oneFilePerScopeWithAPlan_eachForItsOwnAccountAndRegion(@TempDir Path dir)
      throws Exception {
    List<String> members = accounts.createMembers(1);
    accounts.singleAzEndpoint(members.get(0), Region.EU_WEST_1);
    Path plan = dir.resolve("plan.json");

    Cli cli = scan("--account-id", members.get(0), "--role-name", LocalAccounts.ORG_ROLE, "--region", "us-east-1",
        "--region", "eu-west-1", "--plan-out", plan.toString(), "--format", "json");

    assertThat(cli.exit()).as(cli.err()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    Path written = dir.resolve("plan." + members.get(0) + ".eu-west-1.json");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly(written.getFileName().toString());
    }
    JsonNode file = JSON.readTree(Files.readString(written));
    assertThat(file.get("version").asText()).isEqualTo("endpoint-guard-plan/1");
    assertThat(file.get("account").asText()).isEqualTo(members.get(0));
    assertThat(file.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(file.get("changes")).isNotEmpty();
    assertThat(cli.err()).contains("for " + members.get(0) + "/eu-west-1 written to " + written);
  }

  @Test
  void html_asTheFormat_orBesideJson_showsEachScopesVpcCoverageAndFindings(@TempDir Path dir) throws Exception {
    String endpoint = accounts.singleAzEndpoint(LocalAccounts.CALLER, Region.EU_WEST_1);
    Path page = dir.resolve("report.html");

    Cli json = scan("--region", "us-east-1", "--region", "eu-west-1", "--format", "json", "--html", page.toString());
    Cli html = scan("--region", "us-east-1", "--region", "eu-west-1", "--format", "html");

    assertThat(json.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    assertThat(JSON.readTree(json.out()).get("version").asText()).isEqualTo("endpoint-guard/1");
    assertThat(json.err()).contains("html: report written to " + page);
    String written = Files.readString(page);
    assertThat(html.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
    for (String doc : List.of(written, html.out())) {
      assertThat(doc).startsWith("<!DOCTYPE html>").contains(endpoint).contains("eu-west-1")
          .contains("single-az-endpoint").contains("✗").contains("$7.30").doesNotContain("http://", "https://");
    }
  }
}
