package dev.endpointguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.plan.Outcome;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 11: one outcome vocabulary, of which an evaluation takes only the report's five values. */
class EvaluationResultTest {
  private static final Evaluation FINDING = new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT,
      "vpce-1", "vpc-1", Status.NON_COMPLIANT, Severity.HIGH, "vpce-1 spans 1 AZ", List.of());

  @Test
  void evaluationOutcomes_areTheReportContractsFive() {
    // DESIGN.md §3: "outcome":"PLANNED|APPLIED|FAILED|SKIPPED|NONE"
    assertThat(Outcome.EVALUATION).extracting(Outcome::name)
        .containsExactly("PLANNED", "APPLIED", "FAILED", "SKIPPED", "NONE");
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = {"ALREADY_IN_EFFECT", "NOT_ATTEMPTED"})
  void new_outcomeOfOneChangeOnly_refused(Outcome outcome) {
    assertThatThrownBy(() -> EvaluationResult.of(FINDING, outcome)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(outcome + " is not an outcome of an evaluation, only of a change");
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = {"PLANNED", "APPLIED", "FAILED", "SKIPPED", "NONE"})
  void new_evaluationOutcome_kept(Outcome outcome) {
    assertThat(EvaluationResult.of(FINDING, outcome).outcome()).isEqualTo(outcome);
  }
}
