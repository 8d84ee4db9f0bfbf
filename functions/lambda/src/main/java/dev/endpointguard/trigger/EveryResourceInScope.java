package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
/** A periodic invocation: every resource in the rule's scope is evaluated. */
public record EveryResourceInScope() implements ConfigTarget {

  @Override
  public Targets targets() {
    return Targets.allInRegion();
  }
}
