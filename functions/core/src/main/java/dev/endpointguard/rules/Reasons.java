package dev.endpointguard.rules;

import java.math.BigDecimal;
import java.util.Collection;

/** Wording shared by several rules' reasons. */
final class Reasons {
  private Reasons() {
  }

  /** {@code 1 AZ}, {@code 2 AZs}. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code 2 AZs (use1-az1, use1-az2)}; no parentheses when there is nothing to list. */
  static String countAndList(Collection<String> items, String noun) {
    return count(items.size(), noun) + (items.isEmpty() ? "" : " (" + String.join(", ", items) + ")");
  }

  /** A dollar amount with at least two decimals: {@code $0.01}, {@code $0.0125}, {@code $7.30}. */
  static String dollars(BigDecimal amount) {
    BigDecimal shown = amount.stripTrailingZeros();
    if (shown.scale() < 2) {
      shown = shown.setScale(2);
    }
    return "$" + shown.toPlainString();
  }
}
