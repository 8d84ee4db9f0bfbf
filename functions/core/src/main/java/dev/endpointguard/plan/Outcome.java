package dev.endpointguard.plan;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What became of a plan (an evaluation's {@code outcome} in the {@code endpoint-guard/1} report, DESIGN.md §3) or of
 * one change of it (a {@link ChangeResult}). One vocabulary for both: an evaluation is PLANNED, APPLIED, FAILED,
 * SKIPPED or NONE ({@link #EVALUATION}); a change is APPLIED, ALREADY_IN_EFFECT, FAILED, SKIPPED or NOT_ATTEMPTED
 * ({@link #CHANGE}).
 */
public enum Outcome {
  /** Evaluation: a plan exists and was not applied (alert mode, or the CLI without --fix). */
  PLANNED,
  /**
   * Evaluation: every change holds now (written by this run, or already in effect) and the re-read resources show it.
   * Change: written, and the re-read resource shows it.
   */
  APPLIED,
  /** Change: the live resource already showed the change, so nothing was written. */
  ALREADY_IN_EFFECT,
  /**
   * AWS refused a change, or accepted it but the re-read resource does not show it; the error says which and why.
   * Changes before the failed one stay applied.
   */
  FAILED,
  /**
   * Not written: the resource is gone or no longer matches what the plan was made from, or (for an evaluation) the
   * plan failed its safety check and nothing was applied.
   */
  SKIPPED,
  /** Change: not tried, because an earlier change of the same plan failed or was skipped, or the plan was unsafe. */
  NOT_ATTEMPTED,
  /** Evaluation: nothing to do (compliant, not applicable, or no safe plan) or an empty plan applied. */
  NONE;

  /** The outcomes an evaluation can have: the {@code outcome} values of the {@code endpoint-guard/1} report. */
  public static final Set<Outcome> EVALUATION = Collections.unmodifiableSet(EnumSet.of(PLANNED, APPLIED, FAILED, SKIPPED, NONE));

  /** The outcomes one change of an applied plan can have. */
  public static final Set<Outcome> CHANGE =
      Collections.unmodifiableSet(EnumSet.of(APPLIED, ALREADY_IN_EFFECT, FAILED, SKIPPED, NOT_ATTEMPTED));
}
