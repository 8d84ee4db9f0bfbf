package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.Targets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "schedule-sweep.json";
  private final ScheduleDecoder decoder = new ScheduleDecoder(EventFiles.HOME);

  private static ObjectNode event() throws Exception {
    return (ObjectNode) JSON.readTree(EventFiles.read(FILE));
  }

  @Test
  void decode_scheduleFile_sweepsTheWholeRegion() {
    Decoded decoded = decoder.decode(EventFiles.read(FILE));

    assertThat(decoded).isInstanceOf(ScheduledSweep.class);
    ScheduledSweep sweep = (ScheduledSweep) decoded;
    assertThat(sweep.targets()).isEqualTo(Targets.allInRegion());
    assertThat(sweep.time()).isEqualTo(Instant.parse("2025-03-04T12:00:00Z"));
  }

  @Test
  void decode_verbatimUserGuideExample_sweeps() {
    String json = """
        {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
         "source":"aws.events","account":"123456789012","time":"2015-10-08T16:53:06Z","region":"us-east-1",
         "resources":["arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule"],"detail":{}}""";

    assertThat(decoder.decode(json)).isEqualTo(new ScheduledSweep("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
        Instant.parse("2015-10-08T16:53:06Z")));
  }

  static Stream<Arguments> malformed() throws Exception {
    String good = EventFiles.read(FILE);
    return Stream.of(
        Arguments.of("truncated JSON", good.substring(0, good.length() - 3), "not valid JSON"),
        Arguments.of("not JSON", "rate(1 hour)", "not valid JSON"),
        Arguments.of("JSON string", "\"Scheduled Event\"", "not a JSON object"),
        Arguments.of("JSON null", "null", "not a JSON object"),
        Arguments.of("empty object", "{}", "missing detail-type"),
        Arguments.of("missing detail", event().without("detail").toString(), "missing detail"),
        Arguments.of("detail a number", event().put("detail", 3).toString(), "detail is not an object"),
        Arguments.of("wrong detail-type", event().put("detail-type", "Config Rules Compliance Change").toString(),
            "not a 'Scheduled Event' event"),
        Arguments.of("wrong source", event().put("source", "custom.scheduler").toString(), "from aws.events"),
        Arguments.of("detail-type a number", event().put("detail-type", 1).toString(), "detail-type is not a string"),
        Arguments.of("foreign account", event().put("account", "000000000000").toString(),
            "foreign account '000000000000'"),
        Arguments.of("foreign region", event().put("region", "us-west-2").toString(), "foreign region 'us-west-2'"),
        Arguments.of("missing id", event().without("id").toString(), "missing id"),
        Arguments.of("bad time", event().put("time", "2025-13-45").toString(), "time is not an ISO-8601 time"),
        Arguments.of("resources of objects", event().set("resources",
            JSON.createArrayNode().add(JSON.createObjectNode().put("a", 1))).toString(),
            "resources is not a list of strings"),
        Arguments.of("control characters in account", event().put("account", "1234\u000056789012").toString(),
            "account contains control characters"),
        Arguments.of("over 256 KB", event().put("id", "s".repeat(262_200)).toString(),
            "event larger than 262144 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_malformedEvent_rejectedWithOneLineReason(String name, String input, String reasonPart) {
    Rejections.assertRejectedInOneLine(decoder.decode(input), reasonPart);
  }
}
