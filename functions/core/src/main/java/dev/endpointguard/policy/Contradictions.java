package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds condition blocks that no request can meet together, on the single-valued identity keys
 * {@code aws:PrincipalOrgID} and {@code aws:PrincipalAccount}: blocks are ANDed, so two blocks that require the key to
 * equal disjoint values (or one that requires it absent, {@code Null} true, and one that requires a value) leave the
 * statement allowing nothing. Only blocks whose meaning is exact are used (StringEquals, StringEqualsIgnoreCase,
 * StringLike without wildcards, their ForAnyValue forms; IAM spelling); anything else is never called a
 * contradiction. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
final class Contradictions {
  private static final List<String> SINGLE_VALUED_KEYS = List.of(IdentityPerimeter.ORG_ID, IdentityPerimeter.ACCOUNT);

  private Contradictions() {
  }

  /** Why no request meets all the blocks; empty when some request may. */
  static Optional<String> find(List<ConditionBlock> blocks) {
    for (String key : SINGLE_VALUED_KEYS) {
      List<ConditionBlock> equalities = new ArrayList<>();
      boolean mustBeAbsent = false;
      for (ConditionBlock block : blocks) {
        if (!block.hasKey(key)) {
          continue;
        }
        OperatorName op = OperatorName.parse(block.operator());
        if (!op.canonical() || op.ifExists() || op.forAllValues() || op.negated()) {
          continue;
        }
        if (op.base().equals("null")) {
          mustBeAbsent |= block.values().size() == 1 && block.values().iterator().next().equalsIgnoreCase("true");
        } else if (exact(op, block)) {
          equalities.add(block);
        }
      }
      if (equalities.isEmpty()) {
        continue;
      }
      String required = equalities.stream().map(Contradictions::describe).collect(Collectors.joining(" and "));
      if (mustBeAbsent) {
        return Optional.of(key + " must be absent (Null) and " + required + " at once");
      }
      if (!satisfiable(equalities)) {
        return Optional.of(key + " must be " + required + " at once");
      }
    }
    return Optional.empty();
  }

  private static boolean exact(OperatorName op, ConditionBlock block) {
    boolean comparable = op.base().equals("stringequals") || op.base().equals("stringequalsignorecase")
        || (op.base().equals("stringlike") && block.values().stream().noneMatch(Wildcards::in));
    return comparable && block.values().stream().noneMatch(v -> v.contains("${"));
  }

  /** Some value meets every block: a case-sensitive block's values are the only candidates, if there is one. */
  private static boolean satisfiable(List<ConditionBlock> blocks) {
    List<String> candidates = blocks.stream().filter(b -> !ignoresCase(b)).findFirst()
        .map(b -> List.copyOf(b.values()))
        .orElseGet(() -> blocks.get(0).values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    return candidates.stream().anyMatch(c -> blocks.stream().allMatch(b -> accepts(b, c)));
  }

  private static boolean accepts(ConditionBlock block, String value) {
    return ignoresCase(block)
        ? block.values().stream().anyMatch(value::equalsIgnoreCase)
        : block.values().contains(value);
  }

  private static boolean ignoresCase(ConditionBlock block) {
    return OperatorName.parse(block.operator()).ignoresCase();
  }

  private static String describe(ConditionBlock block) {
    return String.join(" or ", block.values().stream().sorted().toList()) + " (" + block.operator() + ")";
  }
}
