package dev.endpointguard.rules;

import dev.endpointguard.plan.Change;
import dev.endpointguard.testing.Snapshots;
import java.util.List;

/** The evaluation a rule test expects, spelled out in full so tests compare reasons and plans exactly. */
final class Expected {
  private Expected() {
  }

  static Evaluation evaluation(Rule rule, String resourceId, Status status, String reason, List<Change> plan) {
    return new Evaluation(rule.id(), rule.resourceType(), resourceId, Snapshots.VPC_ID, status, rule.severity(),
        reason, plan);
  }
}
