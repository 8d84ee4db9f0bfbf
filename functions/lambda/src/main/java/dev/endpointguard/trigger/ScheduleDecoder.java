package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import java.util.Objects;

/**
 * EventBridge "Scheduled Event" from aws.events → a sweep of the region.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html
 */
public final class ScheduleDecoder extends EventDecoder {
  public static final String DETAIL_TYPE = "Scheduled Event";
  public static final String SOURCE = "aws.events";

  private final AccountRegion scope;

  public ScheduleDecoder(AccountRegion scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
  }

  @Override
  protected Decoded decodeEvent(JsonNode event) {
    EventBridgeEnvelope envelope = EventBridgeEnvelope.open(event, scope, DETAIL_TYPE, SOURCE);
    Ec2Encoding.strings(event.get("resources"), null, "resources"); // the schedule's ARN: checked, not kept
    return new ScheduledSweep(envelope.id(), envelope.time());
  }
}
