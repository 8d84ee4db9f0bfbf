package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import java.util.Objects;

/** One resource to evaluate from current AWS state (never from Config's copy, which may already be stale). */
public record ResourceToEvaluate(ResourceType resourceType, String resourceId) implements ConfigTarget {
  public ResourceToEvaluate {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  @Override
  public Targets targets() {
    return OurRules.targets(resourceType, resourceId);
  }
}
