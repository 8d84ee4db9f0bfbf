package dev.endpointguard.inventory;

import java.util.Objects;

/**
 * Something the inventory could not read, with the resource it concerns and what that did to the evaluation.
 *
 * @param effect {@link Effect#LEFT_OUT}: the resource was not evaluated; {@link Effect#INCOMPLETE}: it was evaluated
 *               without some facts, and the verdicts that rest on them say so (never a plan built on them)
 */
public record InventoryProblem(String resourceId, String problem, Effect effect) {
  /** What an unreadable fact did to the evaluation of its resource. */
  public enum Effect {
    /** Not evaluated at all (an id that does not exist, a VPC that could not be read). */
    LEFT_OUT,
    /** Evaluated, but some facts are unknown (a service not described, hosted zones not listed). */
    INCOMPLETE
  }

  public InventoryProblem {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(effect, "effect");
  }

  /** The resource was left out of the evaluation. */
  public InventoryProblem(String resourceId, String problem) {
    this(resourceId, problem, Effect.LEFT_OUT);
  }

  /** The resource was evaluated without some facts. */
  public static InventoryProblem incomplete(String resourceId, String problem) {
    return new InventoryProblem(resourceId, problem, Effect.INCOMPLETE);
  }

  public boolean leftOut() {
    return effect == Effect.LEFT_OUT;
  }

  @Override
  public String toString() {
    return resourceId + ": " + problem;
  }
}
