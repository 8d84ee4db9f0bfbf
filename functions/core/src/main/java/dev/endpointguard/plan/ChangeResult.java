package dev.endpointguard.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of a plan and what became of it.
 *
 * @param detail why it failed or was skipped, or a note (e.g. a concurrent invocation applied it first)
 */
public record ChangeResult(Change change, ChangeStatus status, Optional<String> detail) {
  public ChangeResult {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static ChangeResult of(Change change, ChangeStatus status) {
    return new ChangeResult(change, status, Optional.empty());
  }

  public static ChangeResult of(Change change, ChangeStatus status, String detail) {
    return new ChangeResult(change, status, Optional.of(detail));
  }

  /** The change holds now, whoever wrote it. */
  public boolean inEffect() {
    return status == ChangeStatus.APPLIED || status == ChangeStatus.ALREADY_IN_EFFECT;
  }
}
