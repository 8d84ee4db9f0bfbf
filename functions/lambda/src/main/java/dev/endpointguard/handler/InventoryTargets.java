package dev.endpointguard.handler;

import dev.endpointguard.inventory.Targets;
import java.util.ArrayList;
import java.util.List;

/** What an event names (a trigger's targets) → the inventory reads that cover it, one per kind of id. */
final class InventoryTargets {
  private InventoryTargets() {
  }

  static List<Targets> of(dev.endpointguard.trigger.Targets named) {
    if (named.wholeRegion()) {
      return List.of(Targets.all());
    }
    List<Targets> reads = new ArrayList<>();
    if (!named.endpointIds().isEmpty()) {
      reads.add(Targets.endpoints(named.endpointIds()));
    }
    if (!named.vpcIds().isEmpty()) {
      reads.add(Targets.vpcs(named.vpcIds()));
    }
    if (!named.securityGroupIds().isEmpty()) {
      reads.add(Targets.securityGroups(named.securityGroupIds()));
    }
    return reads;
  }
}
