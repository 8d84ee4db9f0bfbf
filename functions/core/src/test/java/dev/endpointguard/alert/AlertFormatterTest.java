package dev.endpointguard.alert;

import static dev.endpointguard.alert.Findings.ACCOUNT;
import static dev.endpointguard.alert.Findings.BROAD_POLICY;
import static dev.endpointguard.alert.Findings.ENDPOINT;
import static dev.endpointguard.alert.Findings.REGION;
import static dev.endpointguard.alert.Findings.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.plan.AddSubnets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.plan.VpcDnsAttribute;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.Plans;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AlertFormatterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlertContext CTX = AlertContext.of("ChangeEventFunction", "run-42");
  private final AlertFormatter formatter = new AlertFormatter();

  private AlertMessage one(EvaluationResult result) {
    List<AlertMessage> messages = formatter.format(Findings.report(List.of(result)), CTX);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static JsonNode parse(String json) throws Exception {
    return JSON.readTree(json);
  }

  // --- subject ---

  @ParameterizedTest
  @CsvSource({
      "SINGLE_AZ_ENDPOINT,APPLIED,[endpoint-guard] HIGH single-az-endpoint vpce-0abc1234def567890 NON_COMPLIANT (APPLIED)",
      "SINGLE_AZ_ENDPOINT,PLANNED,[endpoint-guard] HIGH single-az-endpoint vpce-0abc1234def567890 NON_COMPLIANT (PLANNED)",
      "PRIVATE_DNS_DISABLED,FAILED,[endpoint-guard] MEDIUM private-dns-disabled vpce-0abc1234def567890 NON_COMPLIANT (FAILED)",
      "VPC_DNS_DISABLED,SKIPPED,[endpoint-guard] MEDIUM vpc-dns-disabled vpc-0aaa1111bbbb2222c NON_COMPLIANT (SKIPPED)",
      "BROAD_ENDPOINT_POLICY,PLANNED,[endpoint-guard] HIGH broad-endpoint-policy vpce-0abc1234def567890 NON_COMPLIANT (PLANNED)",
      "BROAD_ENDPOINT_SECURITY_GROUP,APPLIED,[endpoint-guard] MEDIUM broad-endpoint-security-group vpce-0abc1234def567890 NON_COMPLIANT (APPLIED)",
  })
  void format_eachRuleAndOutcome_exactSubject(RuleId rule, Outcome outcome, String expected) {
    AlertMessage message = one(Findings.result(rule, outcome));

    assertThat(message.subject()).isEqualTo(expected).hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void format_noPlan_subjectSaysNone() {
    EvaluationResult result = EvaluationResult.of(
        Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT, List.of()), Outcome.NONE);

    assertThat(one(result).subject())
        .isEqualTo("[endpoint-guard] HIGH single-az-endpoint vpce-0abc1234def567890 NON_COMPLIANT (NONE)");
  }

  @Test
  void format_longResourceId_subjectShortenedTo100AsciiChars() {
    String longId = "vpce-" + "0123456789abcdef".repeat(8);
    EvaluationResult result = EvaluationResult.of(
        Findings.nonCompliant(RuleId.BROAD_ENDPOINT_SECURITY_GROUP, longId, List.of()), Outcome.NONE);

    String subject = one(result).subject();

    assertThat(subject).hasSizeLessThanOrEqualTo(100)
        .startsWith("[endpoint-guard] MEDIUM broad-endpoint-security-group vpce-0123")
        .endsWith("... NON_COMPLIANT (NONE)");
  }

  @Test
  void format_idWithNewlineAndNonAscii_subjectIsOnePrintableAsciiLine() {
    EvaluationResult result = EvaluationResult.of(
        Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, "vpce-\u00e9t\u00e9\nnext\tline\u2026", List.of()),
        Outcome.NONE);

    String subject = one(result).subject();

    assertThat(subject).isEqualTo("[endpoint-guard] HIGH single-az-endpoint vpce-?t? next line? NON_COMPLIANT (NONE)");
    assertThat(subject.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  @Test
  void sanitise_overlongText_cutTo100WithAsciiEllipsis() {
    String subject = AlertSubject.sanitise("x".repeat(150));

    assertThat(subject).hasSize(100).endsWith("...");
  }

  // --- readable text ---

  /** The sentence each rule's alert must carry, in the words of DESIGN.md §3. */
  private static String whyFragment(RuleId rule) {
    return switch (rule) {
      case SINGLE_AZ_ENDPOINT -> "an outage of that zone cuts every client in the VPC off from the service";
      case PRIVATE_DNS_DISABLED -> "Clients resolve the service's public name and leave the VPC through the NAT"
          + " gateway or internet gateway";
      case VPC_DNS_DISABLED -> "the endpoint's private DNS names stop resolving";
      case BROAD_ENDPOINT_POLICY -> "Any principal, including credentials from other AWS accounts, can use the"
          + " endpoint";
      case BROAD_ENDPOINT_SECURITY_GROUP -> "anything that can reach the VPC (peered networks, VPN, on-premises) can"
          + " reach the endpoint";
      case BROAD_ENDPOINT_SERVICE_PERMISSIONS -> "your load balancer will be public even if it has no public IP"
          + " address";
    };
  }

  @ParameterizedTest
  @EnumSource(RuleId.class)
  void format_appliedFinding_textHasWhatWhereWhyDoneRollbackCost(RuleId rule) {
    EvaluationResult result = Findings.result(rule, Outcome.APPLIED);
    Evaluation e = result.evaluation();

    String text = one(result).defaultText();

    assertThat(text)
        .contains("What: reason for " + rule.id() + " on " + e.resourceId())
        .contains("Where: account " + ACCOUNT + ", region " + REGION
            + e.vpc().map(vpc -> ", VPC " + vpc).orElse("") + ", resource "
            + e.resourceId() + " (" + e.resourceType().configName() + ")")
        .contains("Why it matters: ")
        .contains(whyFragment(rule))
        .contains("What was done:\n")
        .contains("Outcome: APPLIED: every change was applied and the re-read resource confirms it.")
        .contains("Roll back, in this order:\n")
        .contains("Cost: ")
        .contains("Run run-42 from ChangeEventFunction.");
    for (Change c : e.plan()) {
      assertThat(text).contains("  - " + c.describe() + "\n").contains("  - " + c.rollback() + "\n");
    }
  }

  @ParameterizedTest
  @EnumSource(RuleId.class)
  void format_anyFinding_emailTextIsDefaultTextWithFooter(RuleId rule) {
    AlertMessage message = one(Findings.result(rule, Outcome.PLANNED));

    assertThat(message.emailText()).startsWith(message.defaultText()).contains("endpoint-guard alert topic");
  }

  @Test
  void format_addSubnets_costIsThePlansMonthlyCostAtTheHourlyPrice() {
    String text = one(Findings.result(RuleId.SINGLE_AZ_ENDPOINT, Outcome.APPLIED)).defaultText();

    assertThat(text).contains("Cost: +$14.60 per month (each added AZ is billed $0.01 per endpoint AZ-hour x 730 h).");
  }

  @Test
  void format_addSubnetsPlannedWithRegionalPrice_costIsThePlansAndNamesTheContextPrice() {
    AddSubnets atFrankfurtPrice = new AddSubnets(ENDPOINT, List.of("subnet-0b"), List.of("euc1-az2"),
        new BigDecimal("8.76"));
    EvaluationResult result = EvaluationResult.of(Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT,
        List.of(atFrankfurtPrice)), Outcome.PLANNED);
    AlertContext frankfurt = new AlertContext("cli", "run-1", new BigDecimal("0.012"));

    String text = formatter.format(Findings.report(List.of(result)), frankfurt).get(0).defaultText();

    assertThat(text).contains("Cost: +$8.76 per month once applied (each added AZ is billed $0.012 per endpoint"
        + " AZ-hour x 730 h).");
  }

  @Test
  void format_planOfSeveralCostlyChanges_costIsTheSumOfTheirMonthlyCosts() {
    // Issue 11: the cost line adds up Change.monthlyCostUsd() over the plan, whatever the kinds.
    List<Change> plan = List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-0b"), List.of("use1-az2")),
        new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_SUPPORT),
        Plans.addSubnets(ENDPOINT, List.of("subnet-0c", "subnet-0d"), List.of("use1-az4", "use1-az6")));
    EvaluationResult result = EvaluationResult.of(Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT, plan),
        Outcome.PLANNED);

    assertThat(one(result).defaultText()).contains("Cost: +$21.90 per month once applied");
  }

  @ParameterizedTest
  @EnumSource(value = RuleId.class, names = "SINGLE_AZ_ENDPOINT", mode = EnumSource.Mode.EXCLUDE)
  void format_changeWithoutCost_costSaysNoChange(RuleId rule) {
    assertThat(one(Findings.result(rule, Outcome.APPLIED)).defaultText()).contains("Cost: no change.");
  }

  @Test
  void format_narrowPolicy_rollbackCarriesPreviousPolicyForModifyVpcEndpoint() {
    String text = one(Findings.result(RuleId.BROAD_ENDPOINT_POLICY, Outcome.APPLIED)).defaultText();

    assertThat(text).contains("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + ENDPOINT + " --policy-document '"
        + BROAD_POLICY + "'");
  }

  @Test
  void format_privateDnsPlan_rollbackListsChangesInReverseOrder() {
    EvaluationResult result = Findings.result(RuleId.PRIVATE_DNS_DISABLED, Outcome.APPLIED);
    List<Change> plan = result.evaluation().plan();

    String text = one(result).defaultText();

    assertThat(text.indexOf(plan.get(1).rollback())).isPositive().isLessThan(text.indexOf(plan.get(0).rollback()));
    assertThat(text.indexOf(plan.get(0).describe())).isLessThan(text.indexOf(plan.get(1).describe()));
  }

  @Test
  void format_plannedFinding_textSaysWouldBeDoneAndNothingChanged() {
    String text = one(Findings.result(RuleId.VPC_DNS_DISABLED, Outcome.PLANNED)).defaultText();

    assertThat(text)
        .contains("What would be done (not applied):\n  - turn on enableDnsSupport for " + VPC)
        .contains("Outcome: PLANNED: nothing was changed; the rule is in alert mode.")
        .contains("Roll back (nothing to undo now; once the plan is applied), in this order:");
  }

  @Test
  void format_failedFinding_textCarriesTheAwsError() {
    EvaluationResult failed = new EvaluationResult(Findings.result(RuleId.SINGLE_AZ_ENDPOINT, Outcome.FAILED)
        .evaluation(), Outcome.FAILED, Optional.of("DuplicateSubnetsInSameZone: subnet-0b"), Map.of());

    String text = one(failed).defaultText();

    assertThat(text)
        .contains("What was attempted:\n")
        .contains("Outcome: FAILED: DuplicateSubnetsInSameZone: subnet-0b. Changes before the failed one stay applied.")
        .contains("Roll back the changes that were applied, in this order:");
  }

  @Test
  void format_noSafePlan_textSaysNothingDoneAndNothingToRollBack() {
    EvaluationResult result = EvaluationResult.of(
        Findings.nonCompliant(RuleId.BROAD_ENDPOINT_SECURITY_GROUP, ENDPOINT, List.of()), Outcome.NONE);

    String text = one(result).defaultText();

    assertThat(text)
        .contains("What was done: nothing. No safe automatic fix exists; fix it by hand.")
        .contains("Roll back: nothing to roll back, nothing was changed.")
        .contains("Cost: no change.");
  }

  // --- JSON and attributes ---

  @ParameterizedTest
  @EnumSource(RuleId.class)
  void format_finding_jsonHasEnvelopeEvaluationAndPrevious(RuleId rule) throws Exception {
    EvaluationResult result = Findings.result(rule, Outcome.APPLIED);

    JsonNode json = parse(one(result).json());

    assertThat(json.path("version").asText()).isEqualTo("endpoint-guard/1");
    assertThat(json.path("type").asText()).isEqualTo("finding");
    assertThat(json.path("account").asText()).isEqualTo(ACCOUNT);
    assertThat(json.path("region").asText()).isEqualTo(REGION);
    assertThat(json.path("source").asText()).isEqualTo("ChangeEventFunction");
    assertThat(json.path("runId").asText()).isEqualTo("run-42");
    JsonNode evaluation = json.path("evaluation");
    assertThat(evaluation.path("rule").asText()).isEqualTo(rule.id());
    assertThat(evaluation.path("resourceId").asText()).isEqualTo(result.evaluation().resourceId());
    assertThat(evaluation.path("status").asText()).isEqualTo("NON_COMPLIANT");
    assertThat(evaluation.path("outcome").asText()).isEqualTo("APPLIED");
    assertThat(evaluation.path("plan").get(0).path("change").asText())
        .isEqualTo(result.evaluation().plan().get(0).kind().reportName());
    assertThat(evaluation.path("error").isNull()).isTrue();
    assertThat(JSON.convertValue(json.path("previous"), Map.class)).isEqualTo(result.previous());
  }

  @Test
  void structuredMessage_finding_carriesTextForEmailAndJsonForSqsLambdaHttps() throws Exception {
    AlertMessage message = one(Findings.result(RuleId.BROAD_ENDPOINT_POLICY, Outcome.PLANNED));

    JsonNode body = parse(message.structuredMessage());

    assertThat(body.path("default").asText()).isEqualTo(message.defaultText());
    assertThat(body.path("email").asText()).isEqualTo(message.emailText());
    assertThat(body.path("sqs").asText()).isEqualTo(message.json());
    assertThat(body.path("lambda").asText()).isEqualTo(message.json());
    assertThat(body.path("https").asText()).isEqualTo(message.json());
  }

  @Test
  void format_finding_attributesNameRuleSeverityOutcomeAccountRegion() {
    AlertMessage message = one(Findings.result(RuleId.BROAD_ENDPOINT_POLICY, Outcome.PLANNED));

    assertThat(message.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "rule", "broad-endpoint-policy", "severity", "HIGH", "outcome", "PLANNED",
        "account", ACCOUNT, "region", REGION));
  }

  @Test
  void format_blankAccount_attributeIsUnknownNotEmpty() {
    ScanReport report = new ScanReport("", REGION, List.of(Findings.result(RuleId.VPC_DNS_DISABLED, Outcome.NONE)));

    assertThat(formatter.format(report, CTX).get(0).attributes()).containsEntry("account", "unknown");
  }

  // --- what is alerted, and when a digest ---

  @Test
  void format_compliantAndNotApplicableOnly_noMessages() {
    ScanReport report = Findings.report(List.of(
        Findings.compliant(RuleId.SINGLE_AZ_ENDPOINT, "vpce-1"),
        Findings.notApplicable(RuleId.BROAD_ENDPOINT_POLICY, "vpce-2")));

    assertThat(formatter.format(report, CTX)).isEmpty();
  }

  @Test
  void format_tenFindingsAmongCompliantOnes_oneMessagePerFinding() {
    List<EvaluationResult> results = new ArrayList<>(Findings.many(10));
    for (int i = 0; i < 20; i++) {
      results.add(Findings.compliant(RuleId.SINGLE_AZ_ENDPOINT, "vpce-ok" + i));
    }

    List<AlertMessage> messages = formatter.format(Findings.report(results), CTX);

    assertThat(messages).hasSize(10);
    assertThat(messages).extracting(AlertMessage::subject)
        .allMatch(s -> s.startsWith("[endpoint-guard] ") && s.contains(" NON_COMPLIANT ("));
  }

  @Test
  void format_elevenFindings_oneDigest() throws Exception {
    List<EvaluationResult> results = new ArrayList<>(Findings.many(11));
    results.add(Findings.compliant(RuleId.SINGLE_AZ_ENDPOINT, "vpce-ok"));

    List<AlertMessage> messages = formatter.format(Findings.report(results), CTX);

    assertThat(messages).hasSize(1);
    AlertMessage digest = messages.get(0);
    assertThat(digest.subject()).isEqualTo("[endpoint-guard] HIGH 11 findings in 123456789012 us-east-1 (MIXED)");
    assertThat(digest.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "rule", "multiple", "severity", "HIGH", "outcome", "MIXED", "account", ACCOUNT, "region", REGION));
    JsonNode json = parse(digest.json());
    assertThat(json.path("version").asText()).isEqualTo("endpoint-guard/1");
    assertThat(json.path("type").asText()).isEqualTo("digest");
    assertThat(json.path("source").asText()).isEqualTo("ChangeEventFunction");
    assertThat(json.path("runId").asText()).isEqualTo("run-42");
    assertThat(json.path("evaluations")).hasSize(11);
    assertThat(json.path("evaluations").get(0).has("previous")).isTrue();
    assertThat(json.path("summary").path("findings").asInt()).isEqualTo(11);
    assertThat(json.path("summary").path("omitted").asInt()).isZero();
    assertThat(json.path("summary").path("evaluated").asInt()).isEqualTo(12);
    assertThat(json.path("summary").path("byRule").path("single-az-endpoint").asInt()).isEqualTo(2);
    assertThat(json.path("summary").path("byRule").path("broad-endpoint-service-permissions").asInt()).isEqualTo(1);
    assertThat(json.has("more")).isFalse();
  }

  @Test
  void format_digest_textGroupsFindingsByRuleMostSevereFirst() {
    AlertMessage digest = formatter.format(Findings.report(Findings.many(11)), CTX).get(0);
    String text = digest.defaultText();

    assertThat(text).startsWith("endpoint-guard: 11 findings in account 123456789012, region us-east-1. Highest"
        + " severity: HIGH. Outcomes: 4 PLANNED, 4 APPLIED, 3 FAILED.\n");
    assertThat(text)
        .contains("\nsingle-az-endpoint (HIGH): 2 findings\n")
        .contains("\nbroad-endpoint-service-permissions (HIGH): 1 finding\n")
        // An endpoint service is in no VPC: its VPC column reads "-".
        .contains("  vpce-svc-00000005       -                      FAILED    reason for"
            + " broad-endpoint-service-permissions on vpce-svc-00000005")
        .contains("\nbroad-endpoint-policy (HIGH): 2 findings\n")
        .contains("\nprivate-dns-disabled (MEDIUM): 2 findings\n")
        .contains("\nvpc-dns-disabled (MEDIUM): 2 findings\n")
        .contains("\nbroad-endpoint-security-group (MEDIUM): 2 findings\n")
        .contains("  vpce-00000000000000000  " + VPC + "  PLANNED   reason for single-az-endpoint on vpce-00000000000000000")
        .contains("[InvalidParameter: no]")
        .doesNotContain("more (see the scan report)");
    assertThat(text.indexOf("broad-endpoint-policy (HIGH)")).isLessThan(text.indexOf("private-dns-disabled ("));
    assertThat(digest.emailText()).startsWith(text);
  }

  /** Issue 11: the digest text gives the rollback of each change applied, under its finding; none for the rest. */
  @Test
  void digest_appliedChange_itsRollbackIsUnderItsFinding() {
    List<Change> plan = Findings.planFor(RuleId.SINGLE_AZ_ENDPOINT);
    EvaluationResult applied = new EvaluationResult(Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT, plan),
        Outcome.APPLIED, Optional.empty(), Map.of(), plan.stream().map(c -> ChangeResult.of(c, Outcome.APPLIED))
            .toList());
    EvaluationResult planned = Findings.result(RuleId.BROAD_ENDPOINT_POLICY, Outcome.PLANNED);

    String text = formatter.digest(Findings.report(List.of(applied, planned)), CTX).get(0).defaultText();

    assertThat(text).contains("\n      rollback: " + plan.get(0).rollback() + "\n");
    assertThat(text).doesNotContain(Findings.planFor(RuleId.BROAD_ENDPOINT_POLICY).get(0).rollback());
  }

  @Test
  void format_digestOfOneRuleAndOneOutcome_attributesNameThem() {
    List<EvaluationResult> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      results.add(new EvaluationResult(Findings.nonCompliant(RuleId.BROAD_ENDPOINT_SECURITY_GROUP, "vpce-" + i,
          List.of()), Outcome.NONE, Optional.empty(), Map.of()));
    }

    AlertMessage digest = formatter.format(Findings.report(results), CTX).get(0);

    assertThat(digest.attributes()).containsEntry("rule", "broad-endpoint-security-group")
        .containsEntry("severity", "MEDIUM").containsEntry("outcome", "NONE");
  }

  @Test
  void format_mixedSeverities_digestSeverityIsTheHighest() {
    List<EvaluationResult> results = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      Severity severity = i == 7 ? Severity.HIGH : Severity.LOW;
      results.add(EvaluationResult.of(new Evaluation(RuleId.BROAD_ENDPOINT_SECURITY_GROUP, ResourceType.VPC_ENDPOINT,
          "vpce-" + i, VPC, Status.NON_COMPLIANT, severity, "open", List.of()), Outcome.NONE));
    }

    AlertMessage digest = formatter.format(Findings.report(results), CTX).get(0);

    assertThat(digest.attributes()).containsEntry("severity", "HIGH");
    assertThat(digest.defaultText()).contains("broad-endpoint-security-group (HIGH): 11 findings");
  }
}
