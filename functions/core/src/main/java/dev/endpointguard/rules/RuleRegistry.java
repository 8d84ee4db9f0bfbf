package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.VpcSnapshot;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules by their stable ids; evaluating an estate runs every registered rule over every resource it judges. */
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
        new VpcDnsDisabledRule(), new BroadEndpointPolicyRule(), new BroadEndpointSecurityGroupRule()));
  }

  /** The registered rules in rule-id order. */
  public List<Rule> all() {
    return List.copyOf(rules.values());
  }

  public List<Rule.EndpointRule> endpointRules() {
    return rules.values().stream()
        .filter(Rule.EndpointRule.class::isInstance).map(Rule.EndpointRule.class::cast).toList();
  }

  public List<Rule.VpcRule> vpcRules() {
    return rules.values().stream().filter(Rule.VpcRule.class::isInstance).map(Rule.VpcRule.class::cast).toList();
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

  /** A registry holding only the given rules (those of them registered here). */
  public RuleRegistry only(Set<RuleId> ids) {
    return new RuleRegistry(rules.values().stream().filter(r -> ids.contains(r.id())).toList());
  }

  /** Every endpoint rule over every endpoint, then every VPC rule over every VPC, in estate order. */
  public List<Evaluation> evaluate(Estate estate, RuleContext context) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (EndpointSnapshot endpoint : estate.endpoints()) {
      endpointRules().forEach(rule -> evaluations.add(rule.evaluate(endpoint, context)));
    }
    for (VpcSnapshot vpc : estate.vpcs()) {
      vpcRules().forEach(rule -> evaluations.add(rule.evaluate(vpc, context)));
    }
    return List.copyOf(evaluations);
  }
}
