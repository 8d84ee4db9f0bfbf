package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.util.Objects;
import java.util.Optional;

/**
 * EventBridge "Config Rules Compliance Change" events → a resource of ours that turned NON_COMPLIANT. Other rules'
 * changes and changes to any other compliance type are {@link Ignored}.
 * https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html
 */
public final class ComplianceChangeDecoder extends EventDecoder {
  public static final String DETAIL_TYPE = "Config Rules Compliance Change";
  public static final String SOURCE = "aws.config";

  private final AccountRegion scope;

  public ComplianceChangeDecoder(AccountRegion scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  protected Decoded decodeEvent(JsonNode event) {
    JsonNode detail = EventBridgeEnvelope.open(event, scope, DETAIL_TYPE, SOURCE).detail();
    EventBridgeEnvelope.requireHome(scope,
        EventFields.optionalText(detail, "awsAccountId", "detail.awsAccountId").orElse(scope.account()),
        EventFields.optionalText(detail, "awsRegion", "detail.awsRegion").orElse(scope.region()), "in detail ");
    String configRuleName = EventFields.text(detail, "configRuleName", "detail.configRuleName");
    Optional<RuleId> rule = OurRules.fromConfigRuleName(configRuleName);
    if (rule.isEmpty()) {
      return new Ignored("Config rule " + OneLine.quote(configRuleName) + " is not one of ours (names end with: "
          + RuleId.validIds() + ")");
    }
    JsonNode result = EventFields.object(detail, "newEvaluationResult", "detail.newEvaluationResult");
    String compliance = EventFields.text(result, "complianceType", "detail.newEvaluationResult.complianceType");
    JsonNode qualifier = result.path("evaluationResultIdentifier").path("evaluationResultQualifier");
    String typePath = "detail.resourceType";
    String typeName = EventFields.optionalText(detail, "resourceType", typePath)
        .or(() -> qualifier.isObject()
            ? EventFields.optionalText(qualifier, "resourceType", typePath) : Optional.empty())
        .orElseThrow(() -> new BadEvent("missing " + typePath));
    ResourceType resourceType = OurRules.resourceType(typeName, typePath);
    String idPath = "detail.resourceId";
    String resourceId = OurRules.resourceId(resourceType, EventFields.optionalText(detail, "resourceId", idPath)
        .or(() -> qualifier.isObject() ? EventFields.optionalText(qualifier, "resourceId", idPath) : Optional.empty())
        .orElseThrow(() -> new BadEvent("missing " + idPath)), idPath);
    if (!"NON_COMPLIANT".equals(compliance)) {
      return new Ignored(resourceId + " is now " + OneLine.quote(compliance) + " with " + configRuleName
          + ": nothing to fix");
    }
    EventFields.optionalText(detail, "configRuleARN", "detail.configRuleARN"); // checked, not kept
    return new ComplianceChange(rule.get(), configRuleName, resourceType, resourceId);
  }
}
