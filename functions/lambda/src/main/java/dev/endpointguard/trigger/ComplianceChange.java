package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Config found a resource NON_COMPLIANT with one of our rules. Config's verdict may be stale: the resource is
 * re-evaluated before anything is done.
 */
public record ComplianceChange(String eventId, Instant time, RuleId rule, String configRuleName,
                               Optional<String> configRuleArn, ResourceType resourceType, String resourceId,
                               String account, String region) implements Trigger {
  public ComplianceChange {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(configRuleName, "configRuleName");
    Objects.requireNonNull(configRuleArn, "configRuleArn");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
  }

  @Override
  public Targets targets() {
    return resourceType == ResourceType.VPC ? Targets.vpcs(List.of(resourceId))
        : Targets.endpoints(List.of(resourceId));
  }

  @Override
  public String summary() {
    return rule.id() + " NON_COMPLIANT for " + resourceId + " (" + configRuleName + ")";
  }
}
