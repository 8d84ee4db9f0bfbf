package dev.endpointguard.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the {@code detail} object of a change as a plan file holds it ({@link Change#detail()} written as JSON), for
 * the kinds' factories ({@link ChangeKind#rebuild}). Each accessor throws {@link IllegalArgumentException} naming the
 * kind and the field when the field is missing or of the wrong JSON type.
 */
final class DetailReader {
  private final ChangeKind kind;
  private final JsonNode detail;

  DetailReader(ChangeKind kind, JsonNode detail) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (detail == null || !detail.isObject()) {
      throw new IllegalArgumentException(kind + " detail is not a JSON object");
    }
    this.detail = detail;
  }

  String text(String field) {
    JsonNode v = field(field);
    if (!v.isTextual()) {
      throw wrong(field, "a string");
    }
    return v.textValue();
  }

  boolean bool(String field) {
    JsonNode v = field(field);
    if (!v.isBoolean()) {
      throw wrong(field, "true or false");
    }
    return v.booleanValue();
  }

  int integer(String field) {
    JsonNode v = field(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw wrong(field, "an integer");
    }
    return v.intValue();
  }

  BigDecimal decimal(String field) {
    JsonNode v = field(field);
    if (!v.isNumber()) {
      throw wrong(field, "a number");
    }
    return v.decimalValue();
  }

  List<String> texts(String field) {
    JsonNode v = field(field);
    if (!v.isArray()) {
      throw wrong(field, "an array of strings");
    }
    List<String> all = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw wrong(field, "an array of strings");
      }
      all.add(item.textValue());
    }
    return all;
  }

  Map<String, String> textMap(String field) {
    JsonNode v = field(field);
    if (!v.isObject()) {
      throw wrong(field, "an object of strings");
    }
    Map<String, String> all = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw wrong(field, "an object of strings");
      }
      all.put(e.getKey(), e.getValue().textValue());
    }
    return all;
  }

  /** The object at {@code field}, if the detail has one. */
  Optional<DetailReader> optionalObject(String field) {
    JsonNode v = detail.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(new DetailReader(kind, v));
  }

  private JsonNode field(String field) {
    JsonNode v = detail.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(kind + " detail has no " + field);
    }
    return v;
  }

  private IllegalArgumentException wrong(String field, String expected) {
    return new IllegalArgumentException(kind + " detail " + field + " is not " + expected);
  }
}
