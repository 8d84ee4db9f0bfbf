package dev.endpointguard.engine;

import dev.endpointguard.model.Tags;
import dev.endpointguard.rules.RuleId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the exemption tags: {@code endpoint-guard:exempt} = {@code all} or rule ids, and the optional
 * {@code endpoint-guard:exempt-until} date, after which the exemption no longer holds. Time is a parameter.
 */
public final class Exemptions {
  private Exemptions() {
  }

  /** The NOT_APPLICABLE reason when the tags exempt the resource from the rule on {@code today}. */
  public static Optional<String> exemption(Map<String, String> tags, RuleId rule, LocalDate today) {
    String value = tags.get(Tags.EXEMPT);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    boolean listed = Arrays.stream(value.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .anyMatch(s -> s.equals("all") || s.equals(rule.id()));
    if (!listed) {
      return Optional.empty();
    }
    String until = tags.get(Tags.EXEMPT_UNTIL);
    if (until == null || until.isBlank()) {
      return Optional.of("exempt by tag " + Tags.EXEMPT + "=" + value.trim());
    }
    try {
      LocalDate last = LocalDate.parse(until.trim());
      if (today.isAfter(last)) {
        return Optional.empty();
      }
      return Optional.of("exempt by tag " + Tags.EXEMPT + "=" + value.trim() + " until " + last);
    } catch (DateTimeParseException e) {
      // The intent to exempt is clear; only the expiry is malformed: keep the exemption and say so.
      return Optional.of("exempt by tag " + Tags.EXEMPT + "=" + value.trim() + " (" + Tags.EXEMPT_UNTIL + " '"
          + until.trim() + "' is not a date yyyy-MM-dd, so it never expires: fix the tag)");
    }
  }

  /**
   * What is wrong with a resource's exemption tags, one sentence each: a name in {@code endpoint-guard:exempt} that is
   * neither {@code all} nor a rule id (that rule is not exempted), or an {@code endpoint-guard:exempt-until} that is
   * not a date (the exemption then never expires). Empty when the tags are absent or right.
   *
   * @param tags the resource's tags, key → value
   */
  public static List<String> tagProblems(Map<String, String> tags) {
    List<String> problems = new ArrayList<>();
    String value = tags.get(Tags.EXEMPT);
    if (value != null && !value.isBlank()) {
      for (String name : value.split(",")) {
        String id = name.trim().toLowerCase(Locale.ROOT);
        if (!id.isEmpty() && !id.equals("all") && RuleId.find(id).isEmpty()) {
          problems.add("tag " + Tags.EXEMPT + " names '" + name.trim() + "', which is not a rule id: nothing is"
              + " exempted by it (valid: all, " + RuleId.validIds() + ")");
        }
      }
    }
    String until = tags.get(Tags.EXEMPT_UNTIL);
    if (until != null && !until.isBlank()) {
      try {
        LocalDate.parse(until.trim());
      } catch (DateTimeParseException e) {
        problems.add("tag " + Tags.EXEMPT_UNTIL + " '" + until.trim() + "' is not a date yyyy-MM-dd: the exemption"
            + " it bounds never expires");
      }
    }
    return problems;
  }
}
