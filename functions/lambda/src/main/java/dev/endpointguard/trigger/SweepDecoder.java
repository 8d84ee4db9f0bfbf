package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.model.AccountRegion;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * SweepFunction's two events: EventBridge's "Scheduled Event" (a sweep of the Region, {@link ScheduleDecoder}), and an
 * SQS event from the sweep's own queue carrying one hand-over message ({@link ContinuationMessage}: the VPCs a sweep
 * short of time did not start). The queue's event source mapping hands over one message per invocation, so an SQS
 * event with any other number of records, from another queue's account or Region, or with a bad body is rejected.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
public final class SweepDecoder extends EventDecoder {
  private final AccountRegion scope;
  private final ScheduleDecoder schedule;

  public SweepDecoder(AccountRegion scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
    this.schedule = new ScheduleDecoder(scope);
  }

  @Override
  protected Decoded decodeEvent(JsonNode event) {
    if (!event.has("Records")) {
      return schedule.decodeEvent(event);
    }
    JsonNode records = event.get("Records");
    if (!records.isArray() || records.size() != 1) {
      throw new BadEvent("an SQS event for the sweep carries exactly one record (the queue's batch size is 1), not "
          + (records.isArray() ? records.size() : "a non-array"));
    }
    JsonNode record = records.get(0);
    if (!record.isObject()) {
      throw new BadEvent("Records[0] is not an object");
    }
    String source = EventFields.text(record, "eventSource", "Records[0].eventSource");
    if (!"aws:sqs".equals(source)) {
      throw new BadEvent("Records[0].eventSource " + OneLine.quote(source) + " is not aws:sqs");
    }
    // arn:aws:sqs:REGION:ACCOUNT:QUEUE
    String queueArn = EventFields.text(record, "eventSourceARN", "Records[0].eventSourceARN");
    String[] arn = queueArn.split(":", -1);
    if (arn.length != 6 || !"arn".equals(arn[0]) || !"sqs".equals(arn[2])) {
      throw new BadEvent("Records[0].eventSourceARN is not an SQS queue ARN: " + OneLine.quote(queueArn));
    }
    EventBridgeEnvelope.requireHome(scope, arn[4], arn[3], "of the queue ");
    String messageId = EventFields.text(record, "messageId", "Records[0].messageId");
    JsonNode body = record.get("body");
    if (body == null || !body.isTextual()) {
      throw new BadEvent("Records[0].body is not a string");
    }
    JsonNode message = EventJson.parse(body.asText().getBytes(StandardCharsets.UTF_8), "continuation message");
    return ContinuationMessage.read(message, scope, messageId);
  }
}
