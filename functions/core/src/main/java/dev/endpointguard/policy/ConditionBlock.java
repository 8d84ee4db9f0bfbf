package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamCondition;

/**
 * One operator and key of a statement's Condition with all its values: the values are ORed, blocks are ANDed.
 * Operator and key names are case-insensitive in IAM, so blocks that differ only in case are one block.
 */
record ConditionBlock(String operator, String key, Set<String> values) {
  ConditionBlock {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    values = Set.copyOf(values);
  }

  static List<ConditionBlock> of(List<IamCondition> conditions) {
    Map<String, String[]> spelling = new LinkedHashMap<>();
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (IamCondition condition : conditions) {
      String id = id(condition.operator().value(), condition.key().value());
      spelling.putIfAbsent(id, new String[] {condition.operator().value(), condition.key().value()});
      values.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(condition.value());
    }
    List<ConditionBlock> blocks = new ArrayList<>();
    spelling.forEach((id, names) -> blocks.add(new ConditionBlock(names[0], names[1], values.get(id))));
    return blocks;
  }

  /** The identity of a block: operator and key, case folded. */
  static String id(String operator, String key) {
    return operator.toLowerCase(Locale.ROOT) + "\u0000" + key.toLowerCase(Locale.ROOT);
  }

  String id() {
    return id(operator, key);
  }

  boolean hasKey(String name) {
    return key.equalsIgnoreCase(name);
  }
}
