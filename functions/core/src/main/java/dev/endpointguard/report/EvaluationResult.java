package dev.endpointguard.report;

import dev.endpointguard.plan.Outcome;
import dev.endpointguard.rules.Evaluation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluation with what was done about it.
 *
 * @param outcome  one of {@link Outcome#EVALUATION} (PLANNED, APPLIED, FAILED, SKIPPED, NONE): the report's
 *                 {@code outcome}
 * @param error    for FAILED and SKIPPED: the AWS error code and message, or why it was skipped
 * @param previous the state of what the plan touches, as it was before (for rollback)
 * @throws IllegalArgumentException for an outcome only a single change can have (ALREADY_IN_EFFECT, NOT_ATTEMPTED)
 */
public record EvaluationResult(Evaluation evaluation, Outcome outcome, Optional<String> error,
                               Map<String, Object> previous) {
  public EvaluationResult {
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    if (!Outcome.EVALUATION.contains(outcome)) {
      throw new IllegalArgumentException(outcome + " is not an outcome of an evaluation, only of a change");
    }
    previous = Map.copyOf(previous);
  }

  public static EvaluationResult of(Evaluation evaluation, Outcome outcome) {
    return new EvaluationResult(evaluation, outcome, Optional.empty(), Map.of());
  }

  /**
   * Some change of the plan was written in this run: the alert about it is the only record of that change, so it is
   * sent even by an attempt that is then retried.
   */
  public boolean changesApplied() {
    return outcome == Outcome.APPLIED;
  }

  /** Still NON_COMPLIANT after this run: not fixed by an applied plan. */
  public boolean remainsNonCompliant() {
    return evaluation.nonCompliant() && outcome != Outcome.APPLIED;
  }
}
