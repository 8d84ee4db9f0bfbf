package dev.endpointguard.inventory;

import java.util.Objects;

/** Something the inventory could not read or had to leave out, with the resource it concerns. */
public record InventoryProblem(String resourceId, String problem) {
  public InventoryProblem {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return resourceId + ": " + problem;
  }
}
