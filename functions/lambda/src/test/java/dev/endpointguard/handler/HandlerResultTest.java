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
import java.util.List;
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
    assertThat(json.path("summary").toString()).isEqualTo(
        "{\"evaluated\":1,\"nonCompliant\":1,\"applied\":0,\"failed\":0}");
    assertThat(json.path("evaluations").get(0).path("outcome").asText()).isEqualTo("PLANNED");
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
    assertThat(json.path("evaluations")).isEmpty();
    assertThat(json.path("summary").path("evaluated").asInt()).isZero();
  }

}
