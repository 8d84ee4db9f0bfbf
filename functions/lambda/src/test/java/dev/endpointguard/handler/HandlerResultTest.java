package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.ConfigEvaluationSink;
import dev.endpointguard.alert.Findings;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandlerResultTest {

  @Test
  void toJson_configResult_carriesEveryFieldWithSummaryCounts() throws Exception {
    Evaluation e = new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT, "vpce-0a1b2c3d4e5f60101",
        "vpc-0a1b2c3d4e5f60718", Status.NON_COMPLIANT, Severity.HIGH, "one AZ", List.of());
    HandlerResult result = new HandlerResult(InvocationStatus.DONE, "ConfigRuleFunction", "scheduled",
        List.of(EvaluationResult.of(e, Outcome.PLANNED)),
        List.of(new Delivery(AlertSink.NAME, 2, 1, 3, List.of()), new Delivery(ConfigEvaluationSink.NAME, 1, 0, 0,
            List.of())), List.of("vpc-1: could not list its zones"));

    JsonNode json = Invoker.JSON.readTree(ResultJson.toJson(result));

    assertThat(json.path("status").asText()).isEqualTo("done");
    assertThat(json.path("function").asText()).isEqualTo("ConfigRuleFunction");
    assertThat(json.path("summary").toString()).isEqualTo("{\"evaluated\":1,\"nonCompliant\":1,\"applied\":0,"
        + "\"failed\":0,\"byStatus\":{\"COMPLIANT\":0,\"NON_COMPLIANT\":1,\"NOT_APPLICABLE\":0}}");
    assertThat(json.path("findings").get(0).path("outcome").asText()).isEqualTo("PLANNED");
    assertThat(json.path("omitted").asInt()).isZero();
    assertThat(json.has("omittedNote")).isFalse();
    assertThat(json.path("alerts").toString()).isEqualTo("{\"published\":2,\"failed\":1,\"deferred\":3}");
    assertThat(json.path("configEvaluations").asInt()).isEqualTo(1);
    assertThat(json.path("problems").get(0).asText()).isEqualTo("vpc-1: could not list its zones");
  }

  @Test
  void toJson_rejected_noConfigCountAndEmptyLists() throws Exception {
    JsonNode json = Invoker.JSON.readTree(ResultJson.toJson(HandlerResult.rejected("SweepFunction", "not JSON")));

    assertThat(json.path("status").asText()).isEqualTo("rejected");
    assertThat(json.path("reason").asText()).isEqualTo("not JSON");
    assertThat(json.has("configEvaluations")).isFalse();
    assertThat(json.path("findings")).isEmpty();
    assertThat(json.path("summary").path("evaluated").asInt()).isZero();
  }

  /**
   * Issue 13: a sweep of 10,000 endpoints (40,000 evaluations, one endpoint in ten single-AZ and fixed) answers with
   * its counts and its 1,000 findings, well under Lambda's 6 MB response limit; the compliant ones are counted only.
   */
  @Test
  void toJson_sweepOf10000Endpoints_findingsListedCompliantCountedUnderTheBudget() throws Exception {
    List<EvaluationResult> evaluations = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String endpoint = String.format("vpce-%017x", i);
      for (RuleId rule : List.of(RuleId.PRIVATE_DNS_DISABLED, RuleId.BROAD_ENDPOINT_POLICY,
          RuleId.BROAD_ENDPOINT_SECURITY_GROUP)) {
        evaluations.add(Findings.compliant(rule, endpoint));
      }
      evaluations.add(i % 10 == 0 ? applied(endpoint) : Findings.compliant(RuleId.SINGLE_AZ_ENDPOINT, endpoint));
    }
    Run run = new Run(Requests.of(Targets.allInRegion(), Settings.defaults()),
        new AccountRegion(Findings.ACCOUNT, Findings.REGION), evaluations, List.of(), List.of());

    String text = ResultJson.toJson(HandlerResult.done("SweepFunction", "scheduled sweep", run, List.of()));

    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(ResultJson.MAX_RESULT_BYTES);
    JsonNode json = Invoker.JSON.readTree(text);
    assertThat(json.at("/summary/evaluated").asInt()).isEqualTo(40_000);
    assertThat(json.at("/summary/applied").asInt()).isEqualTo(1_000);
    assertThat(json.at("/summary/byStatus/COMPLIANT").asInt()).isEqualTo(39_000);
    assertThat(json.path("findings")).hasSize(1_000)
        .allSatisfy(f -> assertThat(f.at("/plan/0/rollback").asText()).contains("--remove-subnet-ids"));
    assertThat(json.path("omitted").asInt()).isZero();
  }

  /**
   * Issue 13: when even the findings would pass the budget, the result holds as many as fit — failed changes first,
   * then applied ones — counts the rest in {@code omitted} and says where they are.
   */
  @Test
  void toJson_findingsOverTheBudget_cutWithFailedAndAppliedFirstAndTheRestCounted() throws Exception {
    List<EvaluationResult> evaluations = Findings.many(40_000);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      problems.add(String.format("vpc-%017x: could not read its attribute enableDnsSupport (AccessDenied)", i));
    }
    HandlerResult result = new HandlerResult(InvocationStatus.DONE, "SweepFunction", "scheduled sweep", evaluations,
        List.of(), problems);

    String text = ResultJson.toJson(result);

    assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ResultJson.MAX_RESULT_BYTES)
        .isGreaterThan(ResultJson.MAX_RESULT_BYTES - 20_000);
    JsonNode json = Invoker.JSON.readTree(text);
    int listed = json.path("findings").size();
    assertThat(listed).isPositive();
    assertThat(listed + json.path("omitted").asInt()).isEqualTo(40_000);
    assertThat(json.path("omittedNote").asText()).contains("every evaluation is in the log");
    assertThat(json.path("problems").size() + json.path("problemsOmitted").asInt()).isEqualTo(30_000);
    assertThat(json.path("problemsOmitted").asInt()).isPositive();
    // Findings.many cycles PLANNED, APPLIED, FAILED: the 13,333 failed come first, then the applied.
    List<String> outcomes = new ArrayList<>();
    json.path("findings").forEach(f -> outcomes.add(f.path("outcome").asText()));
    int firstApplied = outcomes.indexOf("APPLIED");
    assertThat(outcomes.subList(0, Math.min(listed, 13_333))).containsOnly("FAILED");
    if (firstApplied >= 0) {
      assertThat(outcomes.subList(firstApplied, outcomes.size())).doesNotContain("FAILED");
    }
    assertThat(outcomes).doesNotContain("PLANNED");
  }

  private static EvaluationResult applied(String endpoint) {
    List<Change> plan = Findings.planFor(RuleId.SINGLE_AZ_ENDPOINT);
    return new EvaluationResult(Findings.nonCompliant(RuleId.SINGLE_AZ_ENDPOINT, endpoint, plan), Outcome.APPLIED,
        Optional.empty(), Findings.previousFor(RuleId.SINGLE_AZ_ENDPOINT),
        plan.stream().map(c -> ChangeResult.of(c, Outcome.APPLIED)).toList());
  }
}
