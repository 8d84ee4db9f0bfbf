package dev.endpointguard.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A small model of endpoint-policy evaluation, independent of the code under test: a request is allowed when an
 * Allow statement matches it and no Deny statement does. Covers the elements and condition keys the property
 * test generates: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class EndpointPolicyEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private EndpointPolicyEvaluator() {
  }

  public static boolean allows(String policy, EndpointRequest request) {
    JsonNode statements = read(policy).get("Statement");
    List<JsonNode> list = new ArrayList<>();
    if (statements.isArray()) {
      statements.forEach(list::add);
    } else {
      list.add(statements);
    }
    boolean allowed = false;
    for (JsonNode statement : list) {
      if (matches(statement, request)) {
        if (statement.get("Effect").asText().equals("Deny")) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  private static JsonNode read(String policy) {
    try {
      return JSON.readTree(policy.isBlank() ? PolicyParser.DEFAULT_POLICY : policy);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean matches(JsonNode s, EndpointRequest r) {
    boolean principal = s.has("NotPrincipal") ? !names(s.get("NotPrincipal"), r)
        : !s.has("Principal") || names(s.get("Principal"), r);
    boolean action = s.has("NotAction") ? !anyMatch(s.get("NotAction"), p -> like(p, r.action(), true))
        : anyMatch(s.get("Action"), p -> like(p, r.action(), true));
    boolean resource = s.has("NotResource") ? !anyMatch(s.get("NotResource"), p -> like(p, r.resource(), false))
        : anyMatch(s.get("Resource"), p -> like(p, r.resource(), false));
    return principal && action && resource && conditions(s.get("Condition"), r);
  }

  private static boolean names(JsonNode principal, EndpointRequest r) {
    if (principal.isTextual()) {
      return principal.asText().equals("*");
    }
    for (Map.Entry<String, JsonNode> type : principal.properties()) {
      boolean named = switch (type.getKey()) {
        case "AWS" -> anyMatch(type.getValue(), id -> id.equals("*")
            || (r.account().isPresent() && (r.account().get().equals(id)
                || ("arn:aws:iam::" + r.account().get() + ":root").equals(id))));
        case "Service" -> anyMatch(type.getValue(), id -> r.service().map(id::equals).orElse(false));
        default -> throw new IllegalArgumentException("principal type " + type.getKey());
      };
      if (named) {
        return true;
      }
    }
    return false;
  }

  private static boolean conditions(JsonNode condition, EndpointRequest r) {
    if (condition == null) {
      return true;
    }
    for (Map.Entry<String, JsonNode> operator : condition.properties()) {
      for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
        if (!holds(operator.getKey(), key.getKey(), values(key.getValue()), r)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(String operator, String key, List<String> values, EndpointRequest r) {
    // An operator spelled in another case is read as IAM's (one of the readings the proof must hold under).
    OperatorName op = OperatorName.parse(operator);
    Optional<String> context = context(key.toLowerCase(Locale.ROOT), r);
    if (op.base().equals("null")) {
      return values.stream().anyMatch(v -> v.equalsIgnoreCase(String.valueOf(context.isEmpty())));
    }
    if (context.isEmpty()) {
      // An absent key: IfExists, ForAllValues and negated operators pass; the others fail.
      return op.ifExists() || op.forAllValues() || op.negated();
    }
    String actual = context.get();
    return switch (op.base()) {
      case "stringequals" -> values.contains(actual);
      case "stringequalsignorecase" -> values.stream().anyMatch(actual::equalsIgnoreCase);
      case "stringlike", "arnlike", "arnequals" -> values.stream().anyMatch(v -> like(v, actual, false));
      case "stringnotequals" -> !values.contains(actual);
      case "stringnotequalsignorecase" -> values.stream().noneMatch(actual::equalsIgnoreCase);
      case "stringnotlike", "arnnotlike", "arnnotequals" -> values.stream().noneMatch(v -> like(v, actual, false));
      case "bool" -> values.stream().anyMatch(actual::equalsIgnoreCase);
      default -> throw new IllegalArgumentException("operator " + operator);
    };
  }

  /**
   * The request context: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
   * (PrincipalOrgID only for members of an organization; PrincipalAccount "anonymous" for anonymous requests;
   * PrincipalArn and PrincipalIsAWSService absent for them; PrincipalServiceName only for service principals).
   */
  private static Optional<String> context(String key, EndpointRequest r) {
    return switch (key) {
      case "aws:principalorgid" -> r.isService() ? Optional.empty() : r.org();
      case "aws:principalaccount" -> r.isAnonymous() ? Optional.of("anonymous") : r.account();
      case "aws:principalarn" -> r.account().map(a -> "arn:aws:iam::" + a + ":role/app");
      case "aws:principalisawsservice" -> r.isAnonymous() ? Optional.empty() : Optional.of(String.valueOf(r.isService()));
      case "aws:principalservicename" -> r.service();
      case "aws:sourcevpc" -> Optional.of(r.sourceVpc());
      default -> throw new IllegalArgumentException("condition key " + key);
    };
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(v.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  private static boolean anyMatch(JsonNode node, Predicate<String> test) {
    return node != null && values(node).stream().anyMatch(test);
  }

  /** IAM wildcard matching: * any run of characters, ? one character. */
  private static boolean like(String pattern, String value, boolean ignoreCase) {
    return PATTERNS.computeIfAbsent(ignoreCase + pattern, k -> {
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }).matcher(value).matches();
  }
}
