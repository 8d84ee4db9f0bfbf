package dev.endpointguard.policy;

import java.util.Locale;
import java.util.Set;

/**
 * A condition operator split into its parts, case folded: {@code ForAnyValue:StringLikeIfExists} is the set
 * qualifier {@code foranyvalue}, the base {@code stringlike} and the IfExists flag. {@link #canonical()} says whether
 * the name is spelled as IAM spells it: operator names are case-sensitive (IAM rejects {@code stringEquals} with
 * "Invalid Condition type"), unlike key names.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
record OperatorName(String qualifier, String base, boolean ifExists, boolean canonical) {
  private static final String IF_EXISTS = "ifexists";
  // The operators of the IAM condition operators page, as IAM spells them.
  private static final Set<String> CANONICAL_BASES = Set.of("StringEquals", "StringNotEquals",
      "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals",
      "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
      "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
      "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals",
      "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
  private static final Set<String> CANONICAL_QUALIFIERS = Set.of("ForAnyValue", "ForAllValues");

  static OperatorName parse(String operator) {
    String name = operator;
    String qualifier = "";
    int colon = name.indexOf(':');
    if (colon >= 0) {
      qualifier = name.substring(0, colon);
      name = name.substring(colon + 1);
    }
    boolean ifExists = name.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS);
    String base = ifExists ? name.substring(0, name.length() - IF_EXISTS.length()) : name;
    boolean canonical = (qualifier.isEmpty() || CANONICAL_QUALIFIERS.contains(qualifier))
        && CANONICAL_BASES.contains(base) && (!ifExists || name.endsWith("IfExists")) && !(ifExists
        && base.equals("Null"));
    return new OperatorName(qualifier.toLowerCase(Locale.ROOT), base.toLowerCase(Locale.ROOT), ifExists, canonical);
  }

  /** StringNotEquals, StringNotLike, ArnNotLike, NotIpAddress…: true for every value but those listed. */
  boolean negated() {
    return base.contains("not");
  }

  /** ForAllValues is true when the key is absent, so it never requires an identity. */
  boolean forAllValues() {
    return qualifier.equals("forallvalues");
  }

  /** StringEqualsIgnoreCase (and its negation) compare values case-insensitively; no other operator does. */
  boolean ignoresCase() {
    return base.endsWith("ignorecase");
  }

  /** StringLike, ArnLike and ArnEquals read * and ? as wildcards (ArnEquals behaves as ArnLike). */
  boolean readsWildcards() {
    return base.equals("stringlike") || base.equals("arnlike") || base.equals("arnequals");
  }
}
