package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource to evaluate from current AWS state. {@code recorded} is what Config captured (absent for oversized
 * items): for logs and comparisons only, since Config's copy may already be stale.
 */
public record ResourceToEvaluate(ResourceType resourceType, String resourceId,
                                 Optional<RecordedConfiguration> recorded) implements ConfigTarget {
  public ResourceToEvaluate {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(recorded, "recorded");
  }

  @Override
  public Targets targets() {
    return resourceType == ResourceType.VPC ? Targets.vpcs(List.of(resourceId))
        : Targets.endpoints(List.of(resourceId));
  }
}
