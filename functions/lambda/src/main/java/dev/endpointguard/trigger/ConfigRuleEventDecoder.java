package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Config custom Lambda rule invocations → the rule, the resource (or all in scope) and what PutEvaluations
 * needs. {@code invokingEvent} and {@code ruleParameters} arrive as JSON strings.
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html
 */
public final class ConfigRuleEventDecoder extends EventDecoder {
  // https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationItem.html (configurationItemStatus)
  private static final Set<String> DELETED = Set.of("ResourceDeleted", "ResourceDeletedNotRecorded");
  private static final int MAX_PARAMETERS = 50;

  private final AccountRegion scope;

  public ConfigRuleEventDecoder(AccountRegion scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  protected Decoded decodeEvent(JsonNode event) {
    String configRuleName = EventFields.text(event, "configRuleName", "configRuleName");
    String configRuleArn = EventFields.text(event, "configRuleArn", "configRuleArn");
    String account = EventFields.text(event, "accountId", "accountId");
    EventBridgeEnvelope.requireHome(scope, account, arnRegion(configRuleArn), "");
    RuleId rule = rule(ruleParameters(event), configRuleName);
    String resultToken = EventFields.text(event, "resultToken", "resultToken");
    JsonNode invoking = EventJson.parse(invokingEventText(event), "invokingEvent");
    String typeName = EventFields.text(invoking, "messageType", "invokingEvent.messageType");
    ConfigMessageType type = ConfigMessageType.find(typeName).orElseThrow(() -> new BadEvent(
        "invokingEvent.messageType " + OneLine.quote(typeName) + " is not handled; valid: "
            + ConfigMessageType.validNames()));
    boolean leftScope = EventFields.optionalBoolean(event, "eventLeftScope", "eventLeftScope").orElse(false);
    Optional<Instant> notified = invoking.hasNonNull("notificationCreationTime")
        ? Optional.of(EventFields.instant(invoking, "notificationCreationTime", "invokingEvent.notificationCreationTime"))
        : Optional.empty();
    ConfigTarget target;
    Instant ordering;
    if (type == ConfigMessageType.SCHEDULED) {
      EventFields.optionalText(invoking, "awsAccountId", "invokingEvent.awsAccountId")
          .ifPresent(a -> EventBridgeEnvelope.requireHome(scope, a, scope.region(), "in invokingEvent "));
      target = new EveryResourceInScope();
      ordering = notified.orElseThrow(() -> new BadEvent("missing invokingEvent.notificationCreationTime"));
    } else {
      String itemName = type == ConfigMessageType.CONFIGURATION_ITEM_CHANGE
          ? "configurationItem" : "configurationItemSummary";
      String path = "invokingEvent." + itemName;
      JsonNode item = EventFields.object(invoking, itemName, path);
      checkItemHome(item, path);
      ordering = item.hasNonNull("configurationItemCaptureTime")
          ? EventFields.instant(item, "configurationItemCaptureTime", path + ".configurationItemCaptureTime")
          : notified.orElseThrow(() -> new BadEvent("missing " + path + ".configurationItemCaptureTime"));
      target = target(item, path, type, leftScope);
    }
    return new ConfigRuleInvocation(rule, configRuleName, type, resultToken, ordering, target);
  }

  private static String invokingEventText(JsonNode event) {
    JsonNode node = event.get("invokingEvent");
    if (node == null || node.isNull()) {
      throw new BadEvent("missing invokingEvent");
    }
    if (!node.isTextual()) {
      throw new BadEvent("invokingEvent is not a JSON string");
    }
    return node.asText();
  }

  private static String arnRegion(String arn) {
    // arn:partition:config:region:account:config-rule/id
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !"arn".equals(parts[0]) || !"config".equals(parts[2])) {
      throw new BadEvent("configRuleArn is not a Config rule ARN: " + OneLine.quote(arn));
    }
    return parts[3];
  }

  private void checkItemHome(JsonNode item, String path) {
    Optional<String> itemAccount = EventFields.optionalText(item, "awsAccountId", path + ".awsAccountId");
    Optional<String> itemRegion = EventFields.optionalText(item, "awsRegion", path + ".awsRegion");
    EventBridgeEnvelope.requireHome(scope, itemAccount.orElse(scope.account()), itemRegion.orElse(scope.region()),
        "in " + path + " ");
  }

  private static ConfigTarget target(JsonNode item, String path, ConfigMessageType type, boolean leftScope) {
    ResourceType resourceType = OurRules.resourceType(
        EventFields.text(item, "resourceType", path + ".resourceType"), path + ".resourceType");
    String resourceId = OurRules.resourceId(resourceType,
        EventFields.text(item, "resourceId", path + ".resourceId"), path + ".resourceId");
    Optional<String> status = EventFields.optionalText(item, "configurationItemStatus",
        path + ".configurationItemStatus");
    if (leftScope) {
      return new ResourceNotApplicable(resourceType, resourceId, "the resource left the rule's scope");
    }
    if (status.isPresent() && DELETED.contains(status.get())) {
      return new ResourceNotApplicable(resourceType, resourceId, "the resource was deleted (" + status.get() + ")");
    }
    if (type == ConfigMessageType.CONFIGURATION_ITEM_CHANGE) {
      EventFields.optionalObject(item, "configuration", path + ".configuration")
          .ifPresent(c -> RecordedConfigurationCheck.check(c, path + ".configuration"));
    }
    return new ResourceToEvaluate(resourceType, resourceId);
  }

  private static Map<String, String> ruleParameters(JsonNode event) {
    Optional<String> text = EventFields.optionalDocument(event, "ruleParameters", "ruleParameters");
    Map<String, String> parameters = new LinkedHashMap<>();
    if (text.isEmpty() || text.get().isBlank()) {
      return parameters;
    }
    JsonNode node = EventJson.parse(text.get(), "ruleParameters");
    if (node.size() > MAX_PARAMETERS) {
      throw new BadEvent("ruleParameters has more than " + MAX_PARAMETERS + " entries");
    }
    node.fields().forEachRemaining(entry -> {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw new BadEvent("ruleParameters." + OneLine.of(entry.getKey()) + " is not a string, number or boolean");
      }
      parameters.put(EventFields.printable(entry.getKey(), "ruleParameters key"),
          EventFields.printable(value.asText(), "ruleParameters." + OneLine.of(entry.getKey())));
    });
    return parameters;
  }

  private static RuleId rule(Map<String, String> parameters, String configRuleName) {
    String named = parameters.get("rule");
    if (named != null) {
      return RuleId.find(named).orElseThrow(() -> new BadEvent("unknown rule id " + OneLine.quote(named)
          + " in ruleParameters.rule; valid: " + RuleId.validIds()));
    }
    return OurRules.fromConfigRuleName(configRuleName).orElseThrow(() -> new BadEvent(
        "configRuleName " + OneLine.quote(configRuleName) + " ends with no rule id and ruleParameters has no "
            + "\"rule\"; valid: " + RuleId.validIds()));
  }
}
