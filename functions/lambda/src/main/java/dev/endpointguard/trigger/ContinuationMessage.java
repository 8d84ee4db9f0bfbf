package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountRegion;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of a sweep's hand-over message on its SQS queue, written by the sweep that stops short of its time limit
 * and read back by the next invocation:
 * <pre>{"version":"endpoint-guard/1","type":"sweep-continuation","account":"123456789012","region":"us-east-1",
 *  "sweepId":"…","part":2,"vpcIds":["vpc-…",…]}</pre>
 * Strict both ways: a field it does not know, a VPC id of the wrong format, a foreign account or Region, or more than
 * {@value #MAX_VPCS} VPCs make the message malformed.
 */
public final class ContinuationMessage {
  /** The message's {@code version}: the report format's. */
  public static final String VERSION = "endpoint-guard/1";
  /** The message's {@code type}. */
  public static final String TYPE = "sweep-continuation";
  /**
   * VPCs per message: 1,000 ids are about 24 KB, well under SQS's message size limit (256 KiB, and the 256 KB Lambda
   * takes as an asynchronous event). https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html
   */
  public static final int MAX_VPCS = 1_000;
  private static final int MAX_PART = 10_000;
  private static final Set<String> FIELDS = Set.of("version", "type", "account", "region", "sweepId", "part",
      "vpcIds");

  private ContinuationMessage() {
  }

  /**
   * The body for one hand-over.
   *
   * @param vpcIds one to {@value #MAX_VPCS} VPC ids
   * @throws IllegalArgumentException for no VPC, too many, or a part below 2
   */
  public static String body(AccountRegion scope, String sweepId, int part, List<String> vpcIds) {
    if (vpcIds.isEmpty() || vpcIds.size() > MAX_VPCS || part < 2) {
      throw new IllegalArgumentException("a hand-over names 1 to " + MAX_VPCS + " VPCs, from part 2 on");
    }
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("version", VERSION);
    root.put("type", TYPE);
    root.put("account", scope.account());
    root.put("region", scope.region());
    root.put("sweepId", sweepId);
    root.put("part", part);
    ArrayNode ids = root.putArray("vpcIds");
    vpcIds.forEach(ids::add);
    return root.toString();
  }

  /** Reads a body; a bad one is a {@link BadEvent} naming what is wrong. */
  static SweepContinuation read(JsonNode body, AccountRegion scope, String messageId) {
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadEvent("continuation message: unknown field " + OneLine.quote(name));
      }
    }
    String version = EventFields.text(body, "version", "continuation message: version");
    if (!VERSION.equals(version)) {
      throw new BadEvent("continuation message: version " + OneLine.quote(version) + " is not " + VERSION);
    }
    String type = EventFields.text(body, "type", "continuation message: type");
    if (!TYPE.equals(type)) {
      throw new BadEvent("continuation message: type " + OneLine.quote(type) + " is not " + TYPE);
    }
    EventBridgeEnvelope.requireHome(scope, EventFields.text(body, "account", "continuation message: account"),
        EventFields.text(body, "region", "continuation message: region"), "in the continuation message ");
    String sweepId = EventFields.text(body, "sweepId", "continuation message: sweepId");
    JsonNode part = body.get("part");
    if (part == null || !part.isInt() || part.intValue() < 2 || part.intValue() > MAX_PART) {
      throw new BadEvent("continuation message: part is not a whole number from 2 to " + MAX_PART);
    }
    JsonNode ids = body.get("vpcIds");
    if (ids == null || !ids.isArray() || ids.isEmpty()) {
      throw new BadEvent("continuation message: vpcIds is not a non-empty array");
    }
    if (ids.size() > MAX_VPCS) {
      throw new BadEvent("continuation message: vpcIds names too many VPCs (" + ids.size() + " > " + MAX_VPCS + ")");
    }
    Set<String> vpcIds = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String path = "continuation message: vpcIds[" + i + "]";
      JsonNode id = ids.get(i);
      if (!id.isTextual()) {
        throw new BadEvent(path + " is not a string");
      }
      String vpc = IdFormat.VPC.check(id.asText(), path);
      if (!vpcIds.add(vpc)) {
        throw new BadEvent(path + " repeats " + vpc);
      }
    }
    return new SweepContinuation(sweepId, part.intValue(), List.copyOf(vpcIds), messageId);
  }
}
