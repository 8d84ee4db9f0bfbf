package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 11: one outcome vocabulary for a plan and its changes, each value where it can occur. */
class OutcomeTest {
  private static final Change CHANGE = new EnableVpcDnsAttribute("vpc-1", VpcDnsAttribute.ENABLE_DNS_SUPPORT);

  @Test
  void everyOutcome_belongsToAnEvaluationOrAChange() {
    EnumSet<Outcome> either = EnumSet.copyOf(Outcome.EVALUATION);
    either.addAll(Outcome.CHANGE);

    assertThat(either).containsExactlyInAnyOrder(Outcome.values());
    assertThat(Outcome.CHANGE).extracting(Outcome::name)
        .containsExactly("APPLIED", "ALREADY_IN_EFFECT", "FAILED", "SKIPPED", "NOT_ATTEMPTED");
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = {"PLANNED", "NONE"})
  void changeResult_outcomeOfAPlanOnly_refused(Outcome outcome) {
    assertThatThrownBy(() -> ChangeResult.of(CHANGE, outcome)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(outcome + " is not an outcome of a change, only of a plan");
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = {"PLANNED", "ALREADY_IN_EFFECT", "NOT_ATTEMPTED"})
  void executionResult_notAnAppliedPlansOutcome_refused(Outcome outcome) {
    assertThatThrownBy(() -> new ExecutionResult(outcome, Optional.empty(), List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void executionResult_everyChangeAlreadyInEffect_planApplied() {
    ExecutionResult result = ExecutionResult.of(List.of(ChangeResult.of(CHANGE, Outcome.ALREADY_IN_EFFECT)), 0);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.error()).isEmpty();
  }
}
