package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;
import java.util.Objects;

/**
 * The rest of a sweep that stopped short of its time limit: the VPCs it did not start, handed to the next invocation
 * through the sweep's queue ({@link ContinuationMessage}).
 *
 * @param sweepId   the id of the scheduled event that started the sweep, the same in every part
 * @param part      1 for the scheduled invocation, then 2, 3, … for each hand-over
 * @param vpcIds    the VPCs this part sweeps, in id order, at most {@link ContinuationMessage#MAX_VPCS}
 * @param messageId the SQS message id that carried it
 */
public record SweepContinuation(String sweepId, int part, List<String> vpcIds, String messageId) implements Trigger {
  public SweepContinuation {
    Objects.requireNonNull(sweepId, "sweepId");
    Objects.requireNonNull(messageId, "messageId");
    vpcIds = List.copyOf(vpcIds);
    if (part < 2 || vpcIds.isEmpty()) {
      throw new IllegalArgumentException("a continuation is part 2 or later and names at least one VPC");
    }
  }

  @Override
  public Targets targets() {
    return Targets.vpcs(vpcIds);
  }

  @Override
  public String summary() {
    return "sweep " + sweepId + " part " + part + ": " + vpcIds.size() + (vpcIds.size() == 1 ? " VPC" : " VPCs")
        + " (message " + messageId + ")";
  }
}
