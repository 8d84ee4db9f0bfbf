package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.endpointguard.model.AccountRegion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes, to each of the four decoders: an answer, never an exception, and when rejected one printable line that
 * does not come from a decoder bug (the boundary's catch-all for a RuntimeException). Plain {@code mvn test} replays
 * the inputs in {@code EventDecoderFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md).
 */
class EventDecoderFuzzTest {
  private static final AccountRegion SCOPE = new AccountRegion("123456789012", "us-east-1");

  @FuzzTest(maxDuration = "30s")
  void cloudTrail_anyBytes_answersWithoutThrowing(byte[] event) {
    check(new CloudTrailDecoder(SCOPE), event);
  }

  @FuzzTest(maxDuration = "30s")
  void configRule_anyBytes_answersWithoutThrowing(byte[] event) {
    check(new ConfigRuleEventDecoder(SCOPE), event);
  }

  @FuzzTest(maxDuration = "30s")
  void complianceChange_anyBytes_answersWithoutThrowing(byte[] event) {
    check(new ComplianceChangeDecoder(SCOPE), event);
  }

  @FuzzTest(maxDuration = "30s")
  void schedule_anyBytes_answersWithoutThrowing(byte[] event) {
    check(new ScheduleDecoder(SCOPE), event);
  }

  @FuzzTest(maxDuration = "30s")
  void sweep_anyBytes_answersWithoutThrowing(byte[] event) {
    check(new SweepDecoder(SCOPE), event);
  }

  private static void check(EventDecoder decoder, byte[] event) {
    Decoded fromStream = decoder.decode(new ByteArrayInputStream(event));
    Decoded fromText = decoder.decode(new String(event, StandardCharsets.UTF_8));

    assertThat(fromStream).isNotNull();
    assertThat(fromText).isNotNull();
    for (Decoded decoded : new Decoded[] {fromStream, fromText}) {
      assertOneLine(decoded.summary());
      if (decoded instanceof Rejected rejected) {
        assertThat(rejected.reason()).isNotBlank().doesNotStartWith("event could not be decoded");
      }
    }
    if (fromStream instanceof ChangeEvent || fromStream instanceof ConfigRuleInvocation
        || fromStream instanceof ComplianceChange || fromStream instanceof ScheduledSweep
        || fromStream instanceof SweepContinuation) {
      // Accepted bytes decode the same whichever way Lambda hands them over.
      assertThat(fromText).isEqualTo(fromStream);
    }
  }

  private static void assertOneLine(String text) {
    assertThat(text).doesNotContain("\n", "\r", "\u2028", "\u2029", "\tat ");
    assertThat(text.chars().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT))
        .as("control or format characters in %s", text).isTrue();
  }
}
