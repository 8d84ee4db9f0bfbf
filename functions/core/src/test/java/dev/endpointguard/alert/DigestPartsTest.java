package dev.endpointguard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a digest too large for one SNS message is split into as many messages as its findings need, each under
 * SNS's limit, every finding in exactly one part, the parts numbered in their subjects.
 */
class DigestPartsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlertContext CTX = AlertContext.of("SweepFunction", "run-13");
  private final AlertFormatter formatter = new AlertFormatter();

  @Test
  void digest_5000Findings_partsEachUnderTheLimitEveryFindingOnceInOrder() throws Exception {
    List<EvaluationResult> findings = Findings.many(5000);
    ScanReport report = Findings.report(findings);

    List<AlertMessage> parts = formatter.digest(report, CTX);

    assertThat(parts.size()).isGreaterThan(10);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      AlertMessage part = parts.get(i);
      assertThat(part.sizeBytes()).as("part %d", i + 1).isLessThanOrEqualTo(AlertMessage.MAX_MESSAGE_BYTES);
      assertThat(part.structuredMessage().getBytes(StandardCharsets.UTF_8).length)
          .isLessThan(AlertMessage.MAX_MESSAGE_BYTES);
      assertThat(part.subject()).hasSizeLessThanOrEqualTo(AlertMessage.MAX_SUBJECT_CHARS)
          .startsWith("[endpoint-guard] ").endsWith(" (part " + (i + 1) + " of " + parts.size() + ")");
      JsonNode json = JSON.readTree(part.json());
      assertThat(json.path("type").asText()).isEqualTo("digest");
      assertThat(json.at("/summary/part").asInt()).isEqualTo(i + 1);
      assertThat(json.at("/summary/parts").asInt()).isEqualTo(parts.size());
      assertThat(json.at("/summary/findings").asInt()).isEqualTo(5000);
      assertThat(json.at("/summary/omitted").asInt()).isZero();
      assertThat(json.has("more")).isFalse();
      assertThat(json.path("evaluations")).hasSize(json.at("/summary/included").asInt());
      json.path("evaluations").forEach(e -> seen.add(e.path("rule").asText() + " " + e.path("resourceId").asText()));
      assertThat(part.defaultText()).contains("Part " + (i + 1) + " of " + parts.size() + ": findings ")
          .doesNotContain("more (see the scan report)");
      assertThat(part.emailText()).startsWith(part.defaultText());
    }
    assertThat(seen).as("every finding once").doesNotHaveDuplicates().hasSize(5000)
        .containsExactlyInAnyOrderElementsOf(findings.stream()
            .map(r -> r.evaluation().rule().id() + " " + r.evaluation().resourceId()).toList());
    // Most severe first across the parts: the first part starts with a HIGH finding, the last holds no HIGH one.
    assertThat(JSON.readTree(parts.get(0).json()).at("/evaluations/0/severity").asText()).isEqualTo("HIGH");
    assertThat(parts.get(parts.size() - 1).attributes()).containsEntry("severity", "MEDIUM");
  }

  @Test
  void digest_parts_eachAsFullAsTheLimitAllows() throws Exception {
    List<EvaluationResult> findings = Findings.many(600);
    Digest digest = new Digest(findings, Findings.report(findings), CTX);

    List<AlertMessage> parts = digest.messages();

    assertThat(parts).hasSizeGreaterThan(1);
    int start = 0;
    for (int i = 0; i < parts.size() - 1; i++) {
      int included = JSON.readTree(parts.get(i).json()).at("/summary/included").asInt();
      assertThat(digest.part(start, start + included + 1, i + 1, parts.size()).sizeBytes())
          .as("part %d with one more finding", i + 1).isGreaterThan(AlertMessage.MAX_MESSAGE_BYTES);
      start += included;
    }
  }

  @Test
  void digest_fitsInOneMessage_oneMessageWithoutPartNumbers() throws Exception {
    List<AlertMessage> messages = formatter.digest(Findings.report(Findings.many(40)), CTX);

    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).subject()).isEqualTo("[endpoint-guard] HIGH 40 findings in 123456789012 us-east-1 (MIXED)");
    JsonNode json = JSON.readTree(messages.get(0).json());
    assertThat(json.at("/summary/part").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/parts").asInt()).isEqualTo(1);
    assertThat(json.path("evaluations")).hasSize(40);
    assertThat(messages.get(0).defaultText()).doesNotContain("Part 1 of");
  }

  @Test
  void format_changeEventWithManyFindings_splitToo() {
    List<AlertMessage> messages = formatter.format(Findings.report(Findings.many(2000)), CTX);

    assertThat(messages).hasSizeGreaterThan(1)
        .allSatisfy(m -> assertThat(m.sizeBytes()).isLessThanOrEqualTo(AlertMessage.MAX_MESSAGE_BYTES));
  }

  @Test
  void digestPart_longAccountAndRegion_subjectCutBeforeThePartNumberNeverAfter() {
    String subject = AlertSubject.digestPart("MEDIUM", 12345, 123456, "123456789012",
        "a-region-name-far-longer-than-any-real-one-" + "x".repeat(60), Outcome.ALREADY_IN_EFFECT.name(), 1234, 1234);

    assertThat(subject).hasSize(AlertMessage.MAX_SUBJECT_CHARS).startsWith("[endpoint-guard] MEDIUM 12345 of 123456 ")
        .endsWith("... (part 1234 of 1234)");
  }

  @Test
  void digestPart_attributesAreThePartsOwn() {
    List<EvaluationResult> findings = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Severity severity = i < 200 ? Severity.HIGH : Severity.LOW;
      RuleId rule = i < 200 ? RuleId.SINGLE_AZ_ENDPOINT : RuleId.BROAD_ENDPOINT_SECURITY_GROUP;
      findings.add(new EvaluationResult(new Evaluation(rule, ResourceType.VPC_ENDPOINT, String.format("vpce-%017x", i),
          Findings.VPC, Status.NON_COMPLIANT, severity, "reason " + "x".repeat(900), Findings.planFor(rule)),
          Outcome.PLANNED, Optional.empty(), Findings.previousFor(rule)));
    }

    List<AlertMessage> parts = formatter.digest(Findings.report(findings), CTX);

    assertThat(parts).hasSizeGreaterThan(2);
    assertThat(parts.get(0).attributes()).containsAllEntriesOf(Map.of("rule", "single-az-endpoint",
        "severity", "HIGH", "outcome", "PLANNED"));
    assertThat(parts.get(parts.size() - 1).attributes()).containsAllEntriesOf(Map.of(
        "rule", "broad-endpoint-security-group", "severity", "LOW"));
    assertThat(parts.get(parts.size() - 1).subject()).startsWith("[endpoint-guard] LOW ");
  }

  /** A finding too large for any message still gets a part of its own: SNS refuses it and the sink keeps it. */
  @Test
  void digest_oneFindingLargerThanTheLimit_aloneInItsPartNothingDropped() throws Exception {
    List<EvaluationResult> findings = new ArrayList<>(Findings.many(20));
    findings.add(0, new EvaluationResult(new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT,
        "vpce-00000000000000fff", Findings.VPC, Status.NON_COMPLIANT, Severity.HIGH, "y".repeat(100_000),
        List.of()), Outcome.NONE, Optional.empty(), Map.of()));

    List<AlertMessage> parts = formatter.digest(Findings.report(findings), CTX);

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).sizeBytes()).isGreaterThan(AlertMessage.MAX_MESSAGE_BYTES);
    assertThat(JSON.readTree(parts.get(0).json()).path("evaluations")).hasSize(1);
    assertThat(JSON.readTree(parts.get(1).json()).path("evaluations")).hasSize(20);
    assertThat(parts.get(1).sizeBytes()).isLessThanOrEqualTo(AlertMessage.MAX_MESSAGE_BYTES);
  }
}
