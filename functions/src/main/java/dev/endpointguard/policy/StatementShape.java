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
   * Why this Allow statement is not {@code original} with only conditions added or principals removed; empty when
   * it is. Adding a condition block ANDs it; adding values to an existing block ORs them, so existing blocks must
   * keep exactly their values. Removing every principal would leave no Principal element, read as any principal.
   */
  Optional<String> wideningAgainst(StatementShape original) {
    if (!effect.equals(original.effect)) {
      return Optional.of("its effect differs");
    }
    if (!actions.equals(original.actions) || !notActions.equals(original.notActions)) {
      return Optional.of("its Action or NotAction differs");
    }
    if (!resources.equals(original.resources) || !notResources.equals(original.notResources)) {
      return Optional.of("its Resource or NotResource differs");
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

  /** Same actions and resources: the statement a changed copy most likely came from. */
  boolean sameScope(StatementShape other) {
    return actions.equals(other.actions) && notActions.equals(other.notActions)
        && resources.equals(other.resources) && notResources.equals(other.notResources);
  }
}
