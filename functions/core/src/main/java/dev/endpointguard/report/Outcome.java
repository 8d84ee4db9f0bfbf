package dev.endpointguard.report;

/** What happened to an evaluation's plan. */
public enum Outcome {
  /** A plan exists and was not applied (alert mode, or the CLI without --fix). */
  PLANNED,
  /** Every change was applied and the re-read resource shows it. */
  APPLIED,
  /** A change failed; the error says which and why. */
  FAILED,
  /** Nothing was applied: the resource is gone, changed under us, or the plan failed its safety check. */
  SKIPPED,
  /** Nothing to do: compliant, not applicable, or no safe plan. */
  NONE
}
