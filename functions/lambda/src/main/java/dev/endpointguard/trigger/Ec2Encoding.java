package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads EC2 parameters as CloudTrail records them, in both encodings: newer actions nest them under
 * {@code <Action>Request} in PascalCase with lists as {@code {"content":v,"tag":n}} (one element an object, several
 * an array); legacy actions use camelCase with {@code {"items":[...]}}; responses use XML-style sets ({@code ""},
 * {@code {"item":x}}, {@code {"item":[...]}}).
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
final class Ec2Encoding {
  private final JsonNode nested;
  private final JsonNode flat;
  private final String path;

  private Ec2Encoding(JsonNode nested, JsonNode flat, String path) {
    this.nested = nested;
    this.flat = flat;
    this.path = path;
  }

  /** The request parameters of {@code eventName}: nested ones when present, the flat ones in any case. */
  static Ec2Encoding request(JsonNode detail, String eventName) {
    JsonNode params = detail.get("requestParameters");
    if (params == null || params.isNull()) {
      throw new BadEvent("missing detail.requestParameters");
    }
    if (!params.isObject()) {
      throw new BadEvent("detail.requestParameters is not an object");
    }
    String nestedName = eventName + "Request";
    JsonNode nested = EventFields.optionalObject(params, nestedName, "detail.requestParameters." + nestedName)
        .orElse(EventJson.mapper().createObjectNode());
    return new Ec2Encoding(nested, params, "detail.requestParameters");
  }

  /** The value under the PascalCase name in the nested form, else under the camelCase name in the flat form. */
  Optional<JsonNode> field(String pascalName, String camelName) {
    JsonNode value = nested.get(pascalName);
    if (value == null || value.isNull()) {
      value = flat.get(camelName);
    }
    return Optional.ofNullable(value).filter(v -> !v.isNull());
  }

  Optional<String> text(String pascalName, String camelName) {
    List<String> values = strings(pascalName, camelName, camelName);
    if (values.size() > 1) {
      throw new BadEvent(path + "." + camelName + " has several values where one is expected");
    }
    return values.stream().findFirst();
  }

  Optional<Boolean> bool(String pascalName, String camelName) {
    Optional<JsonNode> value = field(pascalName, camelName);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = value.get();
    String where = path + "." + camelName;
    // Legacy booleans come wrapped, {"value": false}; newer ones bare or as {"Value": false}.
    if (node.isObject()) {
      String key = node.has("Value") ? "Value" : "value";
      if (!node.has(key)) {
        throw new BadEvent(where + " has no value");
      }
      return EventFields.optionalBoolean(node, key, where);
    }
    return EventFields.optionalBoolean(wrap(camelName, node), camelName, where);
  }

  /** A list of strings in any of the encodings; a legacy item object holds its string under {@code itemKey}. */
  List<String> strings(String pascalName, String camelName, String itemKey) {
    List<String> out = new ArrayList<>();
    field(pascalName, camelName).ifPresent(v -> collect(v, itemKey, path + "." + camelName, out));
    return out;
  }

  /** Strings from a response or nested set, in any encoding. */
  static List<String> strings(JsonNode node, String itemKey, String path) {
    List<String> out = new ArrayList<>();
    if (node != null) {
      collect(node, itemKey, path, out);
    }
    return out;
  }

  /** The objects of a set: {@code {"items":[...]}}, {@code {"item":...}}, a content/tag list, an array, or "". */
  static List<JsonNode> objects(JsonNode node, String path) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(element -> out.addAll(objects(element, path)));
    } else if (node.isObject() && (node.has("items") || node.has("item"))) {
      out.addAll(objects(node.has("items") ? node.get("items") : node.get("item"), path));
    } else if (node.isObject()) {
      if (!node.isEmpty()) {
        out.add(node);
      }
    } else {
      throw new BadEvent(path + " is not a set of objects");
    }
    if (out.size() > IdFormat.MAX_IDS) {
      throw new BadEvent(path + " has too many elements (" + out.size() + " > " + IdFormat.MAX_IDS + ")");
    }
    return out;
  }

  private static JsonNode wrap(String name, JsonNode value) {
    return EventJson.mapper().createObjectNode().set(name, value);
  }

  private static void collect(JsonNode node, String itemKey, String path, List<String> out) {
    if (node.isNull()) {
      return;
    }
    if (node.isTextual()) {
      if (!node.asText().isEmpty()) {
        out.add(EventFields.printable(node.asText(), path));
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, itemKey, path, out);
      }
    } else if (node.isObject()) {
      JsonNode inner = node.has("content") ? node.get("content")
          : node.has("items") ? node.get("items")
          : node.has("item") ? node.get("item")
          : itemKey != null && node.has(itemKey) ? node.get(itemKey)
          : null;
      if (inner != null) {
        collect(inner, itemKey, path, out);
      } else if (!node.isEmpty()) {
        throw new BadEvent(path + " is not a list of strings");
      }
    } else {
      throw new BadEvent(path + " is not a string or a list of strings");
    }
  }
}
