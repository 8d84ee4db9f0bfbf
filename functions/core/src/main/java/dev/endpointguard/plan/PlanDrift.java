package dev.endpointguard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.model.Estate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether the resource a change writes is still in the state the change was computed against. The plan file records
 * that state as the change's {@code expect}: {@link Change#previousState} of the estate the scan read (docs/handlers.md
 * lists its keys per kind); here the same method runs on the estate read now, so one place defines both shapes. Pure.
 *
 * <p>Values compare as JSON: arrays as sets (subnet ids, AZ ids and ingress rules have no order that matters), objects
 * key by key, and the {@code policyDocument} as a JSON document (AWS may return it re-formatted).
 *
 * @param verdict AS_EXPECTED, GONE (the estate read now does not hold the resource) or CHANGED
 * @param reason  for GONE and CHANGED, one line for people: {@code "vpce-… is gone"}, {@code "policy document of
 *                vpce-… changed since the plan"}, {@code "privateDnsEnabled of vpce-… changed since the plan: was
 *                false, is true"}, {@code "securityGroupIngress of sg-… changed since the plan: tcp 22 from
 *                10.0.0.0/8 added"}; several differences are joined with {@code "; "}. Empty for AS_EXPECTED.
 */
public record PlanDrift(Verdict verdict, String reason) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY = "policyDocument";

  /** What the state read now says about the change's {@code expect}. */
  public enum Verdict { AS_EXPECTED, GONE, CHANGED }

  public PlanDrift {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Compares {@code expect} (the plan file's, a JSON object) with {@code change.previousState(now)}.
   *
   * @param now the estate read just now, holding the change's target if it still exists
   */
  public static PlanDrift check(Change change, JsonNode expect, Estate now) {
    JsonNode current = JSON.valueToTree(change.previousState(now));
    if (current.isEmpty()) {
      return new PlanDrift(Verdict.GONE, change.target() + " is gone");
    }
    if (expect == null || !expect.isObject() || expect.isEmpty()) {
      return new PlanDrift(Verdict.CHANGED, "the plan holds no expected state for " + change.target());
    }
    List<String> differences = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>();
    expect.fieldNames().forEachRemaining(keys::add);
    current.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode was = expect.get(key);
      JsonNode is = current.get(key);
      if (was != null && is != null && was.isObject() && is.isObject()) {
        TreeSet<String> ids = new TreeSet<>();
        was.fieldNames().forEachRemaining(ids::add);
        is.fieldNames().forEachRemaining(ids::add);
        ids.forEach(id -> compare(key, id, was.get(id), is.get(id)).ifPresent(differences::add));
      } else {
        compare(key, change.target(), was, is).ifPresent(differences::add);
      }
    }
    return differences.isEmpty() ? new PlanDrift(Verdict.AS_EXPECTED, "")
        : new PlanDrift(Verdict.CHANGED, String.join("; ", differences));
  }

  private static Optional<String> compare(String label, String id, JsonNode was, JsonNode is) {
    String what = (POLICY.equals(label) ? "policy document" : label) + " of " + id + " changed since the plan";
    if (was == null || is == null) {
      return Optional.of(what + ": " + (was == null ? "not in the plan" : "no longer there"));
    }
    if (POLICY.equals(label) && was.isTextual() && is.isTextual()) {
      return PolicyText.same(was.textValue(), is.textValue()) ? Optional.empty()
          : Optional.of(what);
    }
    if (was.isArray() && is.isArray()) {
      List<String> before = texts(was);
      List<String> after = texts(is);
      List<String> added = after.stream().filter(v -> !before.contains(v)).distinct().toList();
      List<String> removed = before.stream().filter(v -> !after.contains(v)).distinct().toList();
      if (added.isEmpty() && removed.isEmpty()) {
        return Optional.empty();
      }
      List<String> parts = new ArrayList<>();
      if (!added.isEmpty()) {
        parts.add(String.join(", ", added) + " added");
      }
      if (!removed.isEmpty()) {
        parts.add(String.join(", ", removed) + " removed");
      }
      return Optional.of(what + ": " + String.join(", ", parts));
    }
    return was.equals(is) ? Optional.empty()
        : Optional.of(what + ": was " + text(was) + ", is " + text(is));
  }

  private static List<String> texts(JsonNode array) {
    List<String> all = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      all.add(text(it.next()));
    }
    return all;
  }

  private static String text(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
