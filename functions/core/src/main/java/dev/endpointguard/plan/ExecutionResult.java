package dev.endpointguard.plan;

import dev.endpointguard.report.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying one evaluation's plan did.
 *
 * @param outcome APPLIED when every change holds (written now or already in effect), FAILED or SKIPPED with the
 *                first failure's or skip's reason in {@code error}, NONE for an empty plan
 * @param writes  the AWS write calls made; zero when everything was already in effect
 */
public record ExecutionResult(Outcome outcome, Optional<String> error, List<ChangeResult> changes, int writes) {
  public ExecutionResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    changes = List.copyOf(changes);
  }

  /** A plan not applied at all, e.g. because it failed the safety check: every change NOT_ATTEMPTED. */
  public static ExecutionResult skipped(List<Change> plan, String reason) {
    return new ExecutionResult(Outcome.SKIPPED, Optional.of(reason),
        plan.stream().map(c -> ChangeResult.of(c, ChangeStatus.NOT_ATTEMPTED)).toList(), 0);
  }

  /** The overall outcome of per-change results: the first FAILED wins, then the first SKIPPED. */
  public static ExecutionResult of(List<ChangeResult> changes, int writes) {
    if (changes.isEmpty()) {
      return new ExecutionResult(Outcome.NONE, Optional.empty(), changes, writes);
    }
    for (ChangeStatus bad : List.of(ChangeStatus.FAILED, ChangeStatus.SKIPPED)) {
      Optional<ChangeResult> first = changes.stream().filter(r -> r.status() == bad).findFirst();
      if (first.isPresent()) {
        Outcome outcome = bad == ChangeStatus.FAILED ? Outcome.FAILED : Outcome.SKIPPED;
        return new ExecutionResult(outcome, Optional.of(first.get().detail().orElse(bad.name())), changes, writes);
      }
    }
    return new ExecutionResult(Outcome.APPLIED, Optional.empty(), changes, writes);
  }
}
