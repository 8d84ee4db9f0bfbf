package dev.endpointguard.inventory;

import dev.endpointguard.model.Estate;
import java.util.List;
import java.util.Objects;

/** An inventory read: the estate, and what was left out of it and why (one bad item never sinks the rest). */
public record InventoryResult(Estate estate, List<InventoryProblem> problems) {
  public InventoryResult {
    Objects.requireNonNull(estate, "estate");
    problems = List.copyOf(problems);
  }
}
