package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Typed reads of event fields; a missing or mistyped field is a {@link BadEvent} naming its path. */
final class EventFields {
  private static final int MAX_TEXT = 1024;

  private EventFields() {
  }

  static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw new BadEvent("missing " + path);
    }
    if (!node.isObject()) {
      throw new BadEvent(path + " is not an object");
    }
    return node;
  }

  static Optional<JsonNode> optionalObject(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new BadEvent(path + " is not an object");
    }
    return Optional.of(node);
  }

  static String text(JsonNode parent, String name, String path) {
    return optionalText(parent, name, path).orElseThrow(() -> new BadEvent("missing " + path));
  }

  /** A short, printable string value; absent, null and "" are empty. */
  static Optional<String> optionalText(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new BadEvent(path + " is not a string");
    }
    String value = node.asText();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(printable(value, path));
  }

  /** A string of any length and layout (a policy document); only its type is checked. */
  static Optional<String> optionalDocument(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new BadEvent(path + " is not a string");
    }
    return Optional.of(node.asText());
  }

  /** A boolean, also in the string form the legacy EC2 encoding sometimes uses. */
  static Optional<Boolean> optionalBoolean(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isTextual() && ("true".equals(node.asText()) || "false".equals(node.asText()))) {
      return Optional.of(Boolean.parseBoolean(node.asText()));
    }
    throw new BadEvent(path + " is not a boolean");
  }

  static Instant instant(JsonNode parent, String name, String path) {
    String value = text(parent, name, path);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadEvent(path + " is not an ISO-8601 time: " + OneLine.quote(value));
    }
  }

  static String printable(String value, String path) {
    if (value.length() > MAX_TEXT) {
      throw new BadEvent(path + " is longer than " + MAX_TEXT + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new BadEvent(path + " contains control characters");
      }
    }
    return value;
  }
}
