package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.util.Objects;

/**
 * Config found a resource NON_COMPLIANT with one of our rules. Config's verdict may be stale: the resource is
 * re-evaluated before anything is done.
 */
public record ComplianceChange(RuleId rule, String configRuleName, ResourceType resourceType, String resourceId)
    implements Trigger {
  public ComplianceChange {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(configRuleName, "configRuleName");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
  }

  @Override
  public Targets targets() {
    return OurRules.targets(resourceType, resourceId);
  }

  @Override
  public String summary() {
    return rule.id() + " NON_COMPLIANT for " + resourceId + " (" + configRuleName + ")";
  }
}
