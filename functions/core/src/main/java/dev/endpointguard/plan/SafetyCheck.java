package dev.endpointguard.plan;

import dev.endpointguard.model.Estate;
import dev.endpointguard.policy.NarrowingCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Proves, before anything is applied, that a plan only adds or narrows: each change's own safety condition
 * ({@link Change#whyUnsafe}) holds against the estate the plan was made from and the plan's changes before it. Pure:
 * reads only that estate.
 */
public final class SafetyCheck {
  private final BiFunction<String, String, Optional<String>> policyWidening;

  /**
   * @param policyWidening {@code (previous, next) -> why next may allow more than previous}; empty = provably no
   *                       wider (the policy package's {@code NarrowingCheck::violation})
   */
  public SafetyCheck(BiFunction<String, String, Optional<String>> policyWidening) {
    this.policyWidening = Objects.requireNonNull(policyWidening, "policyWidening");
  }

  /** The check with the policy package's proof that a narrowed policy allows nothing the previous one denied. */
  public static SafetyCheck standard() {
    return new SafetyCheck(NarrowingCheck::violation);
  }

  /**
   * The first reason the plan could make things worse ({@code "<kind> on <target>: <why>"}), or empty when every
   * change only adds or narrows.
   */
  public Optional<String> violation(List<Change> plan, Estate estate) {
    List<Change> earlier = new ArrayList<>();
    for (Change change : plan) {
      Optional<String> why = change.whyUnsafe(new PlannedFrom(estate, earlier, policyWidening));
      if (why.isPresent()) {
        return Optional.of(change.kind().reportName() + " on " + change.target() + ": " + why.get());
      }
      earlier.add(change);
    }
    return Optional.empty();
  }

  /**
   * Why {@code change} could make things worse against {@code estate}, after the changes {@code earlier} (in effect
   * or applied before it, in order); empty when it only adds or narrows. The same condition as {@link #violation(List,
   * Estate)} for one change whose predecessors are not checked again: applying a plan file checks each change against
   * the state read just before, where an earlier change may already be in effect.
   */
  public Optional<String> violation(Change change, List<Change> earlier, Estate estate) {
    return change.whyUnsafe(new PlannedFrom(estate, earlier, policyWidening))
        .map(why -> change.kind().reportName() + " on " + change.target() + ": " + why);
  }
}
