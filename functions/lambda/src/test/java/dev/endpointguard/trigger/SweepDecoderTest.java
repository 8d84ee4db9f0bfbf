package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 13: SweepFunction's two events, the schedule and a hand-over from its own queue; bad hand-overs rejected. */
class SweepDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "sqs-sweep-continuation.json";
  private final SweepDecoder decoder = new SweepDecoder(EventFiles.HOME);

  private static ObjectNode event() throws Exception {
    return (ObjectNode) JSON.readTree(EventFiles.read(FILE));
  }

  private static ObjectNode record(ObjectNode event) {
    return (ObjectNode) event.get("Records").get(0);
  }

  private static ObjectNode body() throws Exception {
    return (ObjectNode) JSON.readTree(record(event()).get("body").asText());
  }

  private static String withBody(ObjectNode body) throws Exception {
    ObjectNode event = event();
    record(event).put("body", body.toString());
    return event.toString();
  }

  @Test
  void decode_continuationFile_sweepsItsVpcs() {
    Decoded decoded = decoder.decode(EventFiles.read(FILE));

    assertThat(decoded).isEqualTo(new SweepContinuation("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", 2,
        List.of("vpc-0a1b2c3d4e5f60718"), "059f36b4-87a3-44ab-83d2-661975830a7d"));
    assertThat(((Trigger) decoded).targets()).isEqualTo(Targets.vpcs(List.of("vpc-0a1b2c3d4e5f60718")));
    assertThat(decoded.summary()).isEqualTo("sweep 53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa part 2: 1 VPC (message "
        + "059f36b4-87a3-44ab-83d2-661975830a7d)");
  }

  @Test
  void decode_scheduleFile_stillASweepOfTheRegion() {
    Decoded decoded = decoder.decode(EventFiles.read("schedule-sweep.json"));

    assertThat(decoded).isInstanceOf(ScheduledSweep.class);
    assertThat(((Trigger) decoded).targets()).isEqualTo(Targets.allInRegion());
  }

  @Test
  void body_writtenBySweep_readsBackAsTheSameHandOver() throws Exception {
    List<String> vpcs = new ArrayList<>();
    for (int i = 0; i < ContinuationMessage.MAX_VPCS; i++) {
      vpcs.add(String.format("vpc-%017x", i));
    }
    String body = ContinuationMessage.body(EventFiles.HOME, "sweep-1", 3, vpcs);

    assertThat(decoder.decode(withBody((ObjectNode) JSON.readTree(body))))
        .isEqualTo(new SweepContinuation("sweep-1", 3, vpcs, "059f36b4-87a3-44ab-83d2-661975830a7d"));
    assertThat(body.length()).isLessThan(64 * 1024);
  }

  static Stream<Arguments> malformed() throws Exception {
    ArrayNode tooMany = JSON.createArrayNode();
    for (int i = 0; i <= ContinuationMessage.MAX_VPCS; i++) {
      tooMany.add(String.format("vpc-%017x", i));
    }
    ObjectNode twoRecords = event();
    ((ArrayNode) twoRecords.get("Records")).add(record(event()));
    return Stream.of(
        Arguments.of("no records", event().set("Records", JSON.createArrayNode()).toString(),
            "exactly one record"),
        Arguments.of("two records", twoRecords.toString(), "exactly one record (the queue's batch size is 1), not 2"),
        Arguments.of("records an object", event().set("Records", JSON.createObjectNode()).toString(),
            "not a non-array"),
        Arguments.of("not from SQS", withRecord(r -> r.put("eventSource", "aws:sns")),
            "Records[0].eventSource 'aws:sns' is not aws:sqs"),
        Arguments.of("queue of another account", withRecord(r -> r.put("eventSourceARN",
            "arn:aws:sqs:us-east-1:000000000000:q.fifo")), "foreign account of the queue '000000000000'"),
        Arguments.of("queue of another region", withRecord(r -> r.put("eventSourceARN",
            "arn:aws:sqs:eu-west-1:123456789012:q.fifo")), "foreign region of the queue 'eu-west-1'"),
        Arguments.of("not a queue ARN", withRecord(r -> r.put("eventSourceARN", "sweep-queue")),
            "not an SQS queue ARN"),
        Arguments.of("body not JSON", withRecord(r -> r.put("body", "vpc-0a1b2c3d4e5f60718")),
            "continuation message is not valid JSON"),
        Arguments.of("body missing", withRecord(r -> r.remove("body")), "Records[0].body is not a string"),
        Arguments.of("unknown field", withBody(body().put("dryRun", true)),
            "continuation message: unknown field 'dryRun'"),
        Arguments.of("other version", withBody(body().put("version", "endpoint-guard/2")),
            "continuation message: version 'endpoint-guard/2' is not endpoint-guard/1"),
        Arguments.of("other type", withBody(body().put("type", "finding")),
            "continuation message: type 'finding' is not sweep-continuation"),
        Arguments.of("foreign account", withBody(body().put("account", "000000000000")),
            "foreign account in the continuation message '000000000000'"),
        Arguments.of("part 1", withBody(body().put("part", 1)),
            "continuation message: part is not a whole number from 2 to 10000"),
        Arguments.of("part a string", withBody(body().put("part", "2")), "part is not a whole number"),
        Arguments.of("no VPCs", withBody(body().set("vpcIds", JSON.createArrayNode())),
            "continuation message: vpcIds is not a non-empty array"),
        Arguments.of("a bad VPC id", withBody(body().set("vpcIds", JSON.createArrayNode()
            .add("vpc-0a1b2c3d4e5f60718").add("subnet-0a1b2c3d4e5f60001"))),
            "continuation message: vpcIds[1] is not a VPC id: 'subnet-0a1b2c3d4e5f60001'"),
        Arguments.of("a VPC twice", withBody(body().set("vpcIds", JSON.createArrayNode()
            .add("vpc-0a1b2c3d4e5f60718").add("vpc-0a1b2c3d4e5f60718"))),
            "continuation message: vpcIds[1] repeats vpc-0a1b2c3d4e5f60718"),
        Arguments.of("too many VPCs", withBody(body().set("vpcIds", tooMany)),
            "continuation message: vpcIds names too many VPCs (1001 > 1000)"),
        Arguments.of("missing sweepId", withBody(body().without("sweepId")),
            "missing continuation message: sweepId"));
  }

  private static String withRecord(Consumer<ObjectNode> edit) throws Exception {
    return JsonEdits.edited(event(), SweepDecoderTest::record, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_badHandOver_rejectedWithOneLineReason(String name, String input, String reasonPart) {
    Rejections.assertRejectedInOneLine(decoder.decode(input), reasonPart);
  }

  @Test
  void decode_otherAccountsScope_rejectsTheFile() {
    Decoded decoded = new SweepDecoder(new AccountRegion("210987654321", "us-east-1"))
        .decode(EventFiles.read(FILE));

    assertThat(decoded).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decoded).reason()).contains("foreign account of the queue '123456789012'");
  }
}
