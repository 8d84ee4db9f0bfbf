package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.report.ToolVersion;
import dev.endpointguard.report.VpcCoverage;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.Plans;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 12: the HTML report's page — escaped, self-contained, and saying what the scan found. */
class HtmlReportTest {
  private static final String ACCOUNT = "111122223333";
  private static final String REGION = "us-east-1";
  private static final Instant WHEN = Instant.parse("2025-06-02T09:30:00Z");
  private static ScanDocument sample;
  private static Document samplePage;

  @BeforeAll
  static void renderSample() {
    sample = ReportSamples.document();
    samplePage = Jsoup.parse(HtmlReport.render(sample));
  }

  private static Evaluation finding(String resourceId, String vpcId, String reason) {
    return new Evaluation(RuleId.BROAD_ENDPOINT_POLICY, ResourceType.VPC_ENDPOINT, resourceId, vpcId,
        Status.NON_COMPLIANT, Severity.HIGH, reason, List.of());
  }

  private static ScanDocument document(List<EvaluationResult> results, List<VpcCoverage> coverage,
                                       List<ReportProblem> problems) {
    return new ScanDocument(WHEN, List.of(new ScanReport(ACCOUNT, REGION, results, coverage)), problems);
  }

  @Test
  void stringsFromAws_areEscapedEverywhere_neverBecomeMarkup() {
    String resourceId = "vpce-\"><script>alert(1)</script>";
    String vpcId = "vpc-<b>bold</b>'";
    String reason = "tag Name=<script>alert('x')</script> & \"quoted\" 'single' </p><img src=x onerror=alert(2)>";
    String policy = "{\"Statement\":[{\"Sid\":\"</code><script>alert(3)</script>\",\"Effect\":\"Allow\"}]}";
    Evaluation e = new Evaluation(RuleId.BROAD_ENDPOINT_POLICY, ResourceType.VPC_ENDPOINT, resourceId, vpcId,
        Status.NON_COMPLIANT, Severity.HIGH, reason, List.of(Plans.narrowPolicy(resourceId, policy, "{}")));
    VpcCoverage coverage = new VpcCoverage(vpcId, List.of(new VpcCoverage.Zone("use1-az1", "\" onmouseover=\"x")),
        List.of(new VpcCoverage.EndpointCoverage(resourceId, "com.amazonaws.us-east-1.<script>x</script>",
            "<i>odd</i>", Set.of("use1-az1"), List.of("subnet-<u>"))));
    ReportProblem problem = ReportProblem.resource(new AccountRegion(ACCOUNT, REGION), "<svg onload=alert(4)>",
        "DescribeSubnets said <iframe src=//evil>", true);

    String html = HtmlReport.render(document(List.of(EvaluationResult.of(e, Outcome.PLANNED)), List.of(coverage),
        List.of(problem)));
    Document page = Jsoup.parse(html);

    assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>", "<u>", "<svg", "<iframe", "onmouseover=\"x");
    assertThat(page.select("script, img, b, i, u, svg, iframe")).isEmpty();
    Element card = page.selectFirst("article.finding");
    assertThat(card.attr("data-resource")).isEqualTo(resourceId);
    assertThat(card.select("p").eachText()).contains(reason);
    assertThat(card.selectFirst("code.cmd").text()).contains(policy);
    assertThat(page.selectFirst("article.vpc").attr("data-vpc")).isEqualTo(vpcId);
    assertThat(page.selectFirst("table.grid thead").text()).contains("\" onmouseover=\"x");
    assertThat(page.selectFirst("#problems li").text()).contains("<svg onload=alert(4)>", "<iframe src=//evil>");
    assertThat(PageChecks.externalReferences(page)).isEmpty();
  }

  @Test
  void page_isSelfContained_styleInline_noScript_noExternalReference() {
    assertThat(samplePage.select("html").attr("lang")).isEqualTo("en");
    assertThat(samplePage.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    assertThat(samplePage.select("head > style")).hasSize(1);
    assertThat(samplePage.select("script, link")).isEmpty();
    assertThat(samplePage.select("a[href]")).isNotEmpty().allMatch(a -> a.attr("href").startsWith("#"));
    // Every in-page link leads somewhere on the page.
    samplePage.select("a[href]").forEach(a -> assertThat(samplePage.getElementById(a.attr("href").substring(1)))
        .as(a.attr("href")).isNotNull());
    assertThat(PageChecks.externalReferences(samplePage)).isEmpty();
  }

  @Test
  void theNetworkCheck_findsEveryKindOfExternalReference() {
    Document hostile = Jsoup.parse("<html><head><link rel=stylesheet href=https://cdn.example/x.css>"
        + "<style>@import 'https://x'; body{background:url(https://x/y.png)} i{background:url(data:image/png;base64,AA)}"
        + "</style><script src=//x.js></script></head><body><img src=a.png><a href=\"http://x\">x</a>"
        + "<a href=\"#ok\">ok</a><div style=\"background:url('//x')\"></div></body></html>");

    assertThat(PageChecks.externalReferences(hostile)).contains("<link> element", "CSS @import",
        "CSS url(https://x/y.png)", "<script src>", "<img> element", "<a href=\"http://x\">", "CSS url(//x)")
        .noneMatch(s -> s.contains("data:") || s.contains("#ok"));
  }

  @Test
  void titleAndHeader_nameTheToolVersionAndWhenItWasGenerated() {
    assertThat(samplePage.title()).isEqualTo("endpoint-guard scan report, 2025-06-02 09:30:00 UTC");
    assertThat(samplePage.selectFirst("header").text()).contains("Generated 2025-06-02 09:30:00 UTC by endpoint-guard "
        + ToolVersion.version(), "account 111122223333 in us-east-1", "account 444455556666 in us-east-1, eu-west-1");
  }

  @Test
  void summary_countsAndTheMonthlyCostOfPlannedAndOfAppliedChanges() {
    ScanReport.Summary s = sample.summary();
    BigDecimal planned = sample.results().stream().filter(r -> r.outcome() == Outcome.PLANNED)
        .flatMap(r -> r.evaluation().plan().stream()).map(c -> c.monthlyCostUsd())
        .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(tile("evaluated")).isEqualTo(String.valueOf(s.evaluated()));
    assertThat(tile("non-compliant")).isEqualTo("5");
    assertThat(tile("remaining")).isEqualTo("4");
    assertThat(tile("applied")).isEqualTo("1");
    assertThat(tile("failed")).isEqualTo("0");
    assertThat(tile("not-evaluated")).isEqualTo("2");
    assertThat(planned).isEqualByComparingTo("7.30");
    assertThat(tile("planned-cost")).isEqualTo("$7.30");
    assertThat(tile("applied-cost")).isEqualTo("$7.30");
    assertThat(samplePage.selectFirst("#summary .verdict").text()).isEqualTo("4 findings remain NON_COMPLIANT;"
        + " applying the planned changes adds $7.30 a month. 2 things in scope could not be evaluated.");
  }

  private static String tile(String key) {
    return samplePage.selectFirst("#summary .tile[data-key=" + key + "] dd").text();
  }

  @Test
  void problems_eachListed_leftOutOrEvaluatedWithoutSomeFacts() {
    assertThat(samplePage.select("#problems li").eachText()).containsExactly(
        "Left out: 111122223333/us-east-1 vpce-0c0ffee0000000001: left out: its subnet subnet-0dead0000000000001"
            + " could not be read",
        "Left out: 444455556666/eu-west-1: could not be read: AuthFailure: AWS was not able to validate the provided"
            + " access credentials (a Region launched after March 2019 answers so until the account enables it)");

    Document clean = Jsoup.parse(HtmlReport.render(document(List.of(), List.of(), List.of())));
    assertThat(clean.selectFirst("#problems").text()).contains("Everything in scope was read.");
  }

  @Test
  void grid_rowsAreInterfaceEndpoints_columnsTheVpcsAzs_cellsSayCoveredOrMissingInWords() {
    Element prod = samplePage.selectFirst("article.vpc[data-vpc=vpc-0a1]");
    Element sts = prod.selectFirst("tr[data-endpoint=vpce-0sts00000000000a1]");

    assertThat(sts.select("td.cell").eachAttr("data-az")).containsExactly("use1-az1", "use1-az2", "use1-az4");
    assertThat(sts.select("td.cell").eachText()).containsExactly("✓ covered", "✓ covered", "✗ missing");
    assertThat(sts.selectFirst("th[scope=row]").text()).isEqualTo("vpce-0sts00000000000a1 sts");
    assertThat(prod.select("tr[data-endpoint=vpce-0s3000000000000a1]")).isEmpty();
    assertThat(samplePage.select("#legend li").eachText()).anyMatch(t -> t.startsWith("✓covered"))
        .anyMatch(t -> t.startsWith("✗missing")).anyMatch(t -> t.startsWith("✗plan adds"));
  }

  @Test
  void findings_besideTheirVpc_withReasonPlanImpactRollbackAndCost_openOnesFirst() {
    Element prod = samplePage.selectFirst("article.vpc[data-vpc=vpc-0a1]");

    assertThat(prod.select(".findings article.finding").eachAttr("data-rule")).containsExactly(
        "single-az-endpoint", "broad-endpoint-policy", "broad-endpoint-security-group", "private-dns-disabled",
        "single-az-endpoint");
    Element ssm = prod.selectFirst(".finding[data-rule=single-az-endpoint]");
    assertThat(ssm.attr("data-resource")).isEqualTo("vpce-0ssm00000000000a1");
    assertThat(ssm.text()).contains("HIGH", "planned, not applied", "has subnets in 1 AZ (use1-az1); 2 required");
    assertThat(ssm.select("dl.change dt").eachText()).containsExactly("Plan", "Impact", "Per month", "Rollback");
    assertThat(ssm.selectFirst("dl.change dd").text()).isEqualTo(
        "add subnet(s) subnet-0b2 (AZ use1-az2) to vpce-0ssm00000000000a1");
    assertThat(ssm.selectFirst("code.cmd").text())
        .isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0ssm00000000000a1 --remove-subnet-ids subnet-0b2");
    Element fixed = prod.select(".finding[data-rule=single-az-endpoint]").last();
    assertThat(fixed.classNames()).contains("fixed");
    assertThat(fixed.text()).contains("fixed by this run", "applied");
    assertThat(samplePage.selectFirst("article.vpc[data-vpc=vpc-0data000000000002] .findings").text())
        .contains("No findings");
  }

  @Test
  void findingNotTiedToAVpc_hasItsOwnSection_andAVpcWhoseCoverageWasNotReadSaysSo() {
    Evaluation loose = finding("vpce-svc-0123", "", "an endpoint service finding");
    Evaluation unread = finding("vpce-1", "vpc-unread", "a finding in a VPC whose coverage is not known");

    Document page = Jsoup.parse(HtmlReport.render(document(List.of(EvaluationResult.of(loose, Outcome.NONE),
        EvaluationResult.of(unread, Outcome.NONE)), List.of(), List.of())));

    Element other = page.getElementById("other--111122223333--us-east-1");
    assertThat(other.selectFirst("h4").text()).isEqualTo("Findings not tied to a VPC");
    assertThat(other.select("article.finding").eachAttr("data-resource")).containsExactly("vpce-svc-0123");
    Element vpc = page.selectFirst("article.vpc[data-vpc=vpc-unread]");
    assertThat(vpc.text()).contains("were not read in this scan", "a finding in a VPC whose coverage is not known")
        .doesNotContain("an endpoint service finding");
    assertThat(vpc.select(".finding").first().text()).contains("No safe plan");
  }

  @Test
  void emptyScan_saysNothingWasScanned() {
    Document page = Jsoup.parse(HtmlReport.render(new ScanDocument(WHEN, List.of(), List.of())));

    assertThat(page.selectFirst("header").text()).contains("Nothing was scanned.");
    assertThat(page.select("article.vpc, #index")).isEmpty();
    assertThat(page.selectFirst("#summary .verdict").text()).isEqualTo("Nothing NON_COMPLIANT remains.");
  }

  @Test
  void shortServiceNames() {
    assertThat(CoverageGrid.shortService("com.amazonaws.us-east-1.ecr.dkr")).isEqualTo("ecr.dkr");
    assertThat(CoverageGrid.shortService("com.amazonaws.vpce.us-east-1.vpce-svc-0a1")).isEqualTo("vpce-svc-0a1");
    assertThat(CoverageGrid.shortService("aws.sagemaker.us-east-1.notebook")).isEqualTo("aws.sagemaker.us-east-1.notebook");
  }
}
