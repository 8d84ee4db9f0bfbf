package dev.endpointguard.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Malformed and hostile events made from one well-formed event by mutation: truncations, non-objects, encodings,
 * size and nesting bombs, duplicate keys, deleted fields, type swaps, foreign origins, bad ids, control and look-alike
 * characters. Every one must be rejected. {@link #envelope} covers the EventBridge envelope; the handlers' own
 * mutations are added by the test through {@link #mutate}.
 */
final class HostileEvents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int OVER_256_KB = 256 * 1024 + 1;

  private final String base;
  private final ObjectNode tree;
  private final Map<String, byte[]> events = new LinkedHashMap<>();

  HostileEvents(String wellFormed) {
    this.base = wellFormed.strip();
    try {
      this.tree = (ObjectNode) JSON.readTree(base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, byte[]> events() {
    return Map.copyOf(events);
  }

  /** Damage any event can take, whatever its kind. */
  HostileEvents generic() {
    for (int k = 1; k < 16; k++) {
      text("truncated at " + k + "/16", base.substring(0, base.length() * k / 16));
    }
    text("truncated by one byte", base.substring(0, base.length() - 1));
    text("first byte only", base.substring(0, 1));
    text("empty", "");
    text("whitespace", " \n\t ");
    text("null", "null");
    text("array", "[]");
    text("array of the event", "[" + base + "]");
    text("number", "42");
    text("string", "\"" + base.replace("\"", "'") + "\"");
    text("boolean", "true");
    text("two events", base + base);
    text("trailing brace", base + "}");
    text("duplicate first key", "{" + firstMember() + "," + base.substring(1));
    text("raw control character in a string", base.replaceFirst("\"([^\"]*)\"", "\"$1\u0001\""));
    text("over 256 KB", "{\"padding\":\"" + "x".repeat(OVER_256_KB) + "\"," + base.substring(1));
    text("nested 10,000 deep", "{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "," + base.substring(1));
    text("nested objects 2,000 deep", "{\"deep\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000) + ","
        + base.substring(1));
    bytes("invalid UTF-8", concat(base.substring(0, base.length() / 2).getBytes(StandardCharsets.UTF_8),
        new byte[] {(byte) 0xc3, (byte) 0x28}, base.substring(base.length() / 2).getBytes(StandardCharsets.UTF_8)));
    bytes("UTF-16", base.getBytes(StandardCharsets.UTF_16));
    bytes("NUL bytes", new byte[64]);
    return this;
  }

  /** The EventBridge envelope: kind, origin, and fields of the wrong type. */
  HostileEvents envelope() {
    for (String field : new String[] {"detail-type", "source", "account", "region", "id", "time", "detail"}) {
      mutate("without " + field, e -> e.remove(field));
      mutate(field + " is null", e -> e.putNull(field));
    }
    mutate("account is a number", e -> e.put("account", 123456789012L));
    mutate("region is an array", e -> e.set("region", NODES.arrayNode().add("us-east-1")));
    mutate("detail-type is an object", e -> e.set("detail-type", NODES.objectNode()));
    mutate("detail is a string", e -> e.put("detail", e.get("detail").toString()));
    mutate("detail is an array", e -> e.set("detail", NODES.arrayNode().add(e.get("detail"))));
    mutate("time is not a time", e -> e.put("time", "yesterday"));
    mutate("id is a number", e -> e.put("id", 42));
    mutate("another account", e -> e.put("account", "999988887777"));
    mutate("another region", e -> e.put("region", "eu-west-1"));
    mutate("account of 11 digits", e -> e.put("account", "12345678901"));
    mutate("account in full-width digits", e -> e.put("account", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18"
        + "\uff19\uff10\uff11\uff12"));
    mutate("region with a right-to-left override", e -> e.put("region", "us-east-1\u202e"));
    mutate("region with a newline", e -> e.put("region", "us-east-1\nforged: log line"));
    mutate("another detail-type", e -> e.put("detail-type", "Something Else Entirely"));
    mutate("another source", e -> e.put("source", "aws.s3"));
    mutate("detail-type in another case", e -> e.put("detail-type", e.get("detail-type").asText()
        .toUpperCase(java.util.Locale.ROOT)));
    return this;
  }

  /** One mutation of a deep copy of the well-formed event. */
  HostileEvents mutate(String name, Consumer<ObjectNode> change) {
    ObjectNode copy = tree.deepCopy();
    change.accept(copy);
    text(name, copy.toString());
    return this;
  }

  /** The object at {@code path} ("detail/requestParameters/..."), in a copy being mutated. */
  static ObjectNode at(ObjectNode event, String path) {
    JsonNode node = event.at("/" + path);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("no object at " + path + " in " + event);
    }
    return object;
  }

  /** A JSON string member holding a JSON document (Config's invokingEvent), mutated as a tree. */
  static void inDocument(ObjectNode holder, String field, Consumer<ObjectNode> change) {
    try {
      ObjectNode document = (ObjectNode) JSON.readTree(holder.get(field).asText());
      change.accept(document);
      holder.put(field, document.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode ids(String prefix, int count) {
    ArrayNode ids = NODES.arrayNode();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "-" + String.format("%017x", i));
    }
    return ids;
  }

  HostileEvents text(String name, String event) {
    return bytes(name, event.getBytes(StandardCharsets.UTF_8));
  }

  HostileEvents bytes(String name, byte[] event) {
    if (events.putIfAbsent(name, event) != null) {
      throw new IllegalArgumentException("two hostile events named " + name);
    }
    return this;
  }

  private String firstMember() {
    Map.Entry<String, JsonNode> first = tree.properties().iterator().next();
    return JSON.valueToTree(first.getKey()).toString() + ":" + first.getValue().toString();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
