package dev.endpointguard.report;

import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.rules.Evaluation;
import java.util.List;
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
 * @param changes  what each change of the plan came to, in plan order, when the plan was applied (or its application
 *                 began); empty when it was only planned
 * @param previousByChange for each change of the plan, in plan order, its own part of {@code previous}
 *                 ({@link Change#previousState}): the state that change was computed against, which a plan file
 *                 records as the change's {@code expect}; empty when the producer did not record it (results made
 *                 outside the pipeline)
 * @throws IllegalArgumentException for an outcome only a single change can have (ALREADY_IN_EFFECT, NOT_ATTEMPTED),
 *                 or a {@code previousByChange} that is neither empty nor one entry per change of the plan
 */
public record EvaluationResult(Evaluation evaluation, Outcome outcome, Optional<String> error,
                               Map<String, Object> previous, List<ChangeResult> changes,
                               List<Map<String, Object>> previousByChange) {
  public EvaluationResult {
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    if (!Outcome.EVALUATION.contains(outcome)) {
      throw new IllegalArgumentException(outcome + " is not an outcome of an evaluation, only of a change");
    }
    previous = Map.copyOf(previous);
    changes = List.copyOf(changes);
    previousByChange = previousByChange.stream().map(Map::copyOf).toList();
    if (!previousByChange.isEmpty() && previousByChange.size() != evaluation.plan().size()) {
      throw new IllegalArgumentException("previousByChange has " + previousByChange.size() + " entries for a plan of "
          + evaluation.plan().size() + " changes");
    }
  }

  /** One with what each change of the plan came to, without the per-change previous state. */
  public EvaluationResult(Evaluation evaluation, Outcome outcome, Optional<String> error,
                          Map<String, Object> previous, List<ChangeResult> changes) {
    this(evaluation, outcome, error, previous, changes, List.of());
  }

  /** One whose plan was not applied. */
  public EvaluationResult(Evaluation evaluation, Outcome outcome, Optional<String> error,
                          Map<String, Object> previous) {
    this(evaluation, outcome, error, previous, List.of());
  }

  public static EvaluationResult of(Evaluation evaluation, Outcome outcome) {
    return new EvaluationResult(evaluation, outcome, Optional.empty(), Map.of());
  }

  /**
   * Some change of the plan was written in this run: the alert about it is the only record of that change, so it is
   * sent even by an attempt that is then retried.
   */
  public boolean changesApplied() {
    return outcome == Outcome.APPLIED || changes.stream().anyMatch(c -> c.outcome() == Outcome.APPLIED);
  }

  /** The plan's changes that were written in this run, in plan order: the ones a rollback undoes. */
  public List<Change> appliedChanges() {
    return changes.stream().filter(c -> c.outcome() == Outcome.APPLIED).map(ChangeResult::change).toList();
  }

  /** Still NON_COMPLIANT after this run: not fixed by an applied plan. */
  public boolean remainsNonCompliant() {
    return evaluation.nonCompliant() && outcome != Outcome.APPLIED;
  }
}
