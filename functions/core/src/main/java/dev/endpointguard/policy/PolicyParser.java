package dev.endpointguard.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Reads endpoint policy documents with the SDK's IAM policy builder. */
final class PolicyParser {
  /** AWS attaches this policy to an endpoint created without one. */
  static final String DEFAULT_POLICY =
      "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  // A policy without a Version element is read as 2008-10-17:
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
  private static final String VERSION_WHEN_ABSENT = "2008-10-17";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyParser() {
  }

  static ParseResult parse(String document) {
    if (document.isBlank()) {
      return new ParsedPolicy(IamPolicy.fromJson(DEFAULT_POLICY), VERSION_WHEN_ABSENT, true);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return new ParseFailure("policy is not valid JSON: " + oneLine(e.getOriginalMessage()));
    }
    if (tree == null || !tree.isObject()) {
      return new ParseFailure("policy is not a JSON object");
    }
    IamPolicy policy;
    try {
      policy = IamPolicy.fromJson(JSON.writeValueAsString(withTextConditionValues((ObjectNode) tree)));
    } catch (RuntimeException | JsonProcessingException e) {
      return new ParseFailure("policy cannot be read: " + oneLine(String.valueOf(e.getMessage())));
    }
    List<IamStatement> statements = policy.statements();
    for (int i = 0; i < statements.size(); i++) {
      String effect = statements.get(i).effect() == null ? "" : statements.get(i).effect().value();
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        return new ParseFailure("policy cannot be read: statement " + (i + 1) + " has Effect \"" + effect
            + "\"; AWS accepts only Allow or Deny");
      }
    }
    JsonNode version = tree.get("Version");
    return new ParsedPolicy(policy, version != null && version.isTextual() ? version.asText() : VERSION_WHEN_ABSENT,
        false);
  }

  /**
   * AWS accepts numbers and booleans as condition values ({@code "Bool": {"aws:SecureTransport": true}}); the
   * policy builder reads only strings, so they are turned into the strings AWS compares them as.
   */
  private static ObjectNode withTextConditionValues(ObjectNode policy) {
    JsonNode statements = policy.get("Statement");
    if (statements == null) {
      return policy;
    }
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      JsonNode condition = statement.get("Condition");
      if (condition == null || !condition.isObject()) {
        continue;
      }
      for (JsonNode keys : condition) {
        if (keys.isObject()) {
          for (Map.Entry<String, JsonNode> key : keys.properties()) {
            ((ObjectNode) keys).set(key.getKey(), asText(key.getValue()));
          }
        }
      }
    }
    return policy;
  }

  private static JsonNode asText(JsonNode value) {
    if (value.isNumber() || value.isBoolean()) {
      return TextNode.valueOf(value.asText());
    }
    if (value.isArray()) {
      ArrayNode texts = JSON.createArrayNode();
      value.forEach(v -> texts.add(asText(v)));
      return texts;
    }
    return value;
  }

  private static String oneLine(String message) {
    return message.lines().findFirst().orElse("").trim();
  }
}
