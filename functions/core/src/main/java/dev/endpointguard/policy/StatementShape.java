package dev.endpointguard.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

/** A statement by meaning: its Sid left out, lists as sets, condition blocks keyed by case-folded operator and key. */
record StatementShape(String effect, Set<String> principals, Set<String> notPrincipals, Set<String> actions,
                      Set<String> notActions, Set<String> resources, Set<String> notResources,
                      Map<String, Set<String>> conditions) {
  StatementShape {
    principals = Set.copyOf(principals);
    notPrincipals = Set.copyOf(notPrincipals);
    actions = Set.copyOf(actions);
    notActions = Set.copyOf(notActions);
    resources = Set.copyOf(resources);
    notResources = Set.copyOf(notResources);
    conditions = Map.copyOf(conditions);
  }

  static StatementShape of(IamStatement s) {
    Map<String, Set<String>> conditions = new LinkedHashMap<>();
    ConditionBlock.of(s.conditions()).forEach(b -> conditions.put(b.id(), b.values()));
    return new StatementShape(s.effect().value(),
        names(s.principals(), p -> p.type().value() + ":" + p.id()),
        names(s.notPrincipals(), p -> p.type().value() + ":" + p.id()),
        names(s.actions(), IamValue::value), names(s.notActions(), IamValue::value),
        names(s.resources(), IamValue::value), names(s.notResources(), IamValue::value), conditions);
  }

  private static <T> Set<String> names(List<T> values, Function<T, String> name) {
    return values.stream().map(name).collect(Collectors.toSet());
  }

  /**
   * Why this Allow statement may allow a request {@code original} denies; empty when it cannot. It may differ from
   * the original only by narrowing: each action pattern included in one of the original's (case-insensitive), each
   * resource pattern included in one of the original's (case-sensitive), NotAction and NotResource unchanged,
   * principals removed (never all: no Principal element is read as any principal), condition blocks added (blocks are
   * ANDed; adding values to an existing block ORs them, so existing blocks keep exactly their values).
   */
  Optional<String> wideningAgainst(StatementShape original) {
    if (!effect.equals(original.effect)) {
      return Optional.of("its effect differs");
    }
    if (!notActions.equals(original.notActions) || !notResources.equals(original.notResources)) {
      return Optional.of("its NotAction or NotResource differs");
    }
    if (actions.isEmpty() != original.actions.isEmpty() || resources.isEmpty() != original.resources.isEmpty()) {
      return Optional.of("it has Action or Resource where the original has none, or none where it has some");
    }
    Optional<String> action = outside(actions, original.actions, true);
    if (action.isPresent()) {
      return Optional.of("its Action " + action.get() + " is not included in an Action of the original");
    }
    Optional<String> resource = outside(resources, original.resources, false);
    if (resource.isPresent()) {
      return Optional.of("its Resource " + resource.get() + " is not included in a Resource of the original");
    }
    if (!notPrincipals.equals(original.notPrincipals)) {
      return Optional.of("its NotPrincipal differs");
    }
    if (principals.isEmpty() != original.principals.isEmpty() || !original.principals.containsAll(principals)) {
      return Optional.of("it has a principal the original does not name");
    }
    for (Map.Entry<String, Set<String>> block : original.conditions.entrySet()) {
      Set<String> now = conditions.get(block.getKey());
      if (now == null) {
        return Optional.of("it drops a condition of the original");
      }
      if (!now.equals(block.getValue())) {
        return Optional.of("it changes the values of a condition of the original");
      }
    }
    return Optional.empty();
  }

  /** The first pattern not provably included in one of {@code outer}'s; empty when all are. */
  private static Optional<String> outside(Set<String> inner, Set<String> outer, boolean ignoreCase) {
    return inner.stream().sorted()
        .filter(p -> outer.stream().noneMatch(o -> Glob.includes(o, p, ignoreCase)))
        .findFirst();
  }

  /** Actions and resources within {@code original}'s: the statement a changed copy most likely came from. */
  boolean withinScopeOf(StatementShape original) {
    return notActions.equals(original.notActions) && notResources.equals(original.notResources)
        && outside(actions, original.actions, true).isEmpty()
        && outside(resources, original.resources, false).isEmpty();
  }
}
