package dev.endpointguard.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of a plan and what became of it.
 *
 * @param outcome one of {@link Outcome#CHANGE}
 * @param detail  why it failed or was skipped, or a note (e.g. a concurrent invocation applied it first)
 */
public record ChangeResult(Change change, Outcome outcome, Optional<String> detail) {
  public ChangeResult {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
    if (!Outcome.CHANGE.contains(outcome)) {
      throw new IllegalArgumentException(outcome + " is not an outcome of a change, only of a plan");
    }
  }

  public static ChangeResult of(Change change, Outcome outcome) {
    return new ChangeResult(change, outcome, Optional.empty());
  }

  public static ChangeResult of(Change change, Outcome outcome, String detail) {
    return new ChangeResult(change, outcome, Optional.of(detail));
  }
}
