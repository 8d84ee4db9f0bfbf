package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import java.time.Instant;

/**
 * The EventBridge envelope around every event but Config's rule invocations: its kind, origin and detail.
 * https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html
 */
record EventBridgeEnvelope(String id, Instant time, JsonNode detail) {

  /** Checks kind, account and region; a foreign or differently-shaped event is a {@link BadEvent}. */
  static EventBridgeEnvelope open(JsonNode event, AccountRegion scope, String detailType, String source) {
    String actualType = EventFields.text(event, "detail-type", "detail-type");
    String actualSource = EventFields.text(event, "source", "source");
    if (!detailType.equals(actualType) || !source.equals(actualSource)) {
      throw new BadEvent("not a '" + detailType + "' event from " + source + ": detail-type "
          + OneLine.quote(actualType) + " from " + OneLine.quote(actualSource));
    }
    String account = EventFields.text(event, "account", "account");
    String region = EventFields.text(event, "region", "region");
    requireHome(scope, account, region, "");
    String id = EventFields.text(event, "id", "id");
    Instant time = EventFields.instant(event, "time", "time");
    JsonNode detail = EventFields.object(event, "detail", "detail");
    return new EventBridgeEnvelope(id, time, detail);
  }

  static void requireHome(AccountRegion scope, String account, String region, String where) {
    if (!scope.account().equals(account)) {
      throw new BadEvent("foreign account " + where + OneLine.quote(account) + " (this function serves "
          + scope.account() + ")");
    }
    if (!scope.region().equals(region)) {
      throw new BadEvent("foreign region " + where + OneLine.quote(region) + " (this function serves "
          + scope.region() + ")");
    }
  }
}
