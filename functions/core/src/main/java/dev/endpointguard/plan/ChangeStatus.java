package dev.endpointguard.plan;

/** What the executor did with one change of a plan. */
public enum ChangeStatus {
  /** Written, and the re-read resource shows it. */
  APPLIED,
  /** The live resource already showed the change: nothing written. */
  ALREADY_IN_EFFECT,
  /** AWS refused it, or it was accepted but the re-read resource does not show it. */
  FAILED,
  /** Not written: the resource is gone or no longer matches what the plan was made from. */
  SKIPPED,
  /** Not tried: an earlier change of the same plan failed or was skipped. */
  NOT_ATTEMPTED
}
