package dev.endpointguard.engine;

import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.PlanFile;
import java.util.List;
import java.util.Objects;

/**
 * What applying a plan file did ({@link PlanApplier#apply}): each change of the file, in file order, with its outcome
 * (APPLIED, ALREADY_IN_EFFECT, FAILED, SKIPPED, NOT_ATTEMPTED) and why, and what the inventory could not read.
 */
public record ApplyResult(PlanFile plan, List<Applied> changes, List<InventoryProblem> problems) {
  public ApplyResult {
    Objects.requireNonNull(plan, "plan");
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }

  /**
   * One change of the file and what became of it.
   *
   * @param gone the change was not applied because a resource of its plan is gone (its finding went with it)
   */
  public record Applied(PlanFile.Entry entry, ChangeResult result, boolean gone) {
    public Applied {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(result, "result");
    }

    /** Neither written now nor found in effect. */
    public boolean notApplied() {
      return result.outcome() != Outcome.APPLIED && result.outcome() != Outcome.ALREADY_IN_EFFECT;
    }
  }

  /** Changes not applied while their resource is still there: the findings they fix remain NON_COMPLIANT. */
  public long remaining() {
    return changes.stream().filter(a -> a.notApplied() && !a.gone()).count();
  }

  /** Changes not applied because a resource of their plan is gone. */
  public long gone() {
    return changes.stream().filter(a -> a.notApplied() && a.gone()).count();
  }

  /** How many changes came to {@code outcome}. */
  public long count(Outcome outcome) {
    return changes.stream().filter(a -> a.result().outcome() == outcome).count();
  }
}
