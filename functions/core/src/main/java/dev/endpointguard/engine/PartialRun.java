package dev.endpointguard.engine;

import java.util.List;
import java.util.Objects;

/**
 * A run that may have stopped between two VPCs ({@link Pipeline#run(Request, java.util.function.BooleanSupplier)}):
 * what it found and did in the VPCs it took up, and the VPCs it did not start, for a later run.
 *
 * @param run            the evaluations and outcomes of the VPCs it took up, whole
 * @param vpcsNotStarted the VPC ids (in id order) nothing was reported or changed for; empty when the run finished
 */
public record PartialRun(Run run, List<String> vpcsNotStarted) {
  public PartialRun {
    Objects.requireNonNull(run, "run");
    vpcsNotStarted = List.copyOf(vpcsNotStarted);
  }

  /** True when every VPC in scope was taken up. */
  public boolean finished() {
    return vpcsNotStarted.isEmpty();
  }
}
