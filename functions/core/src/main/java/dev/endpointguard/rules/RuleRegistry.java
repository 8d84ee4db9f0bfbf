package dev.endpointguard.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rules by their stable ids, split by the resource they judge. */
public final class RuleRegistry {
  private final Map<RuleId, Rule> rules;

  public RuleRegistry(List<? extends Rule> rules) {
    Map<RuleId, Rule> byId = new EnumMap<>(RuleId.class);
    for (Rule rule : rules) {
      if (byId.put(rule.id(), rule) != null) {
        throw new IllegalArgumentException("rule " + rule.id() + " registered twice");
      }
    }
    this.rules = byId;
  }

  /** Every rule endpoint-guard ships. */
  public static RuleRegistry standard() {
    return new RuleRegistry(List.of(new SingleAzEndpointRule(), new PrivateDnsDisabledRule(),
        new VpcDnsDisabledRule(), new BroadEndpointPolicyRule(), new BroadEndpointSecurityGroupRule(),
        new BroadEndpointServicePermissionsRule()));
  }

  public List<Rule.EndpointRule> endpointRules() {
    return rules.values().stream()
        .filter(Rule.EndpointRule.class::isInstance).map(Rule.EndpointRule.class::cast).toList();
  }

  public List<Rule.VpcRule> vpcRules() {
    return rules.values().stream().filter(Rule.VpcRule.class::isInstance).map(Rule.VpcRule.class::cast).toList();
  }

  public List<Rule.EndpointServiceRule> endpointServiceRules() {
    return rules.values().stream().filter(Rule.EndpointServiceRule.class::isInstance)
        .map(Rule.EndpointServiceRule.class::cast).toList();
  }

  /** The rule with this id; an id not registered is an error that lists the registered ones. */
  public Rule get(RuleId id) {
    Rule rule = rules.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("rule " + id + " is not registered; registered: "
          + rules.keySet().stream().map(RuleId::id).collect(Collectors.joining(", ")));
    }
    return rule;
  }
}
