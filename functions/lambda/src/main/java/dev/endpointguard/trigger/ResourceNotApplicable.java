package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import java.util.Objects;

/** A resource that was deleted or left the rule's scope: answered NOT_APPLICABLE without reading AWS. */
public record ResourceNotApplicable(ResourceType resourceType, String resourceId, String reason)
    implements ConfigTarget {
  public ResourceNotApplicable {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    reason = OneLine.of(reason);
  }

  @Override
  public Targets targets() {
    return Targets.none();
  }
}
