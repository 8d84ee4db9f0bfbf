package dev.endpointguard.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one evaluation's plan did.
 *
 * @param outcome APPLIED when every change holds (written now or already in effect), FAILED or SKIPPED with the
 *                first failure's or skip's reason in {@code error}, NONE for an empty plan: one of
 *                {@link Outcome#EVALUATION}, never PLANNED
 * @param writes  the AWS write calls made; zero when everything was already in effect
 */
public record ExecutionResult(Outcome outcome, Optional<String> error, List<ChangeResult> changes, int writes) {
  public ExecutionResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    changes = List.copyOf(changes);
    if (!Outcome.EVALUATION.contains(outcome) || outcome == Outcome.PLANNED) {
      throw new IllegalArgumentException(outcome + " is not an outcome of an applied plan");
    }
  }

  /** A plan not applied at all, e.g. because it failed the safety check: every change NOT_ATTEMPTED. */
  public static ExecutionResult skipped(List<Change> plan, String reason) {
    return new ExecutionResult(Outcome.SKIPPED, Optional.of(reason),
        plan.stream().map(c -> ChangeResult.of(c, Outcome.NOT_ATTEMPTED)).toList(), 0);
  }

  /** The overall outcome of per-change results: the first FAILED wins, then the first SKIPPED. */
  public static ExecutionResult of(List<ChangeResult> changes, int writes) {
    if (changes.isEmpty()) {
      return new ExecutionResult(Outcome.NONE, Optional.empty(), changes, writes);
    }
    for (Outcome bad : List.of(Outcome.FAILED, Outcome.SKIPPED)) {
      Optional<ChangeResult> first = changes.stream().filter(r -> r.outcome() == bad).findFirst();
      if (first.isPresent()) {
        return new ExecutionResult(bad, Optional.of(first.get().detail().orElse(bad.name())), changes, writes);
      }
    }
    return new ExecutionResult(Outcome.APPLIED, Optional.empty(), changes, writes);
  }
}
