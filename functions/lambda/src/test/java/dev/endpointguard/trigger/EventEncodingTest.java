package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.AccountRegion;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression (reliability corpus, docs/reliability.md): the parser guessed UTF-16 and UTF-32 from the bytes, so a
 * re-encoded event was acted on. Events are UTF-8 only; anything else is rejected in one line.
 */
class EventEncodingTest {
  private static final CloudTrailDecoder DECODER = new CloudTrailDecoder(new AccountRegion("123456789012", "us-east-1"));

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32"})
  void decode_eventInAnotherEncoding_rejected(String charset) throws Exception {
    byte[] event = event().getBytes(Charset.forName(charset));

    Decoded decoded = DECODER.decode(new ByteArrayInputStream(event));

    assertThat(decoded).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decoded).reason()).startsWith("event is not");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bom", "invalid"})
  void decode_utf8WithByteOrderMarkOrInvalidBytes_rejected(String damage) throws Exception {
    byte[] utf8 = event().getBytes(StandardCharsets.UTF_8);
    byte[] event = new byte[utf8.length + 3];
    byte[] extra = "bom".equals(damage) ? new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}
        : new byte[] {'{', (byte) 0xc3, (byte) 0x28};
    System.arraycopy(extra, 0, event, 0, 3);
    System.arraycopy(utf8, 0, event, 3, utf8.length);

    Decoded decoded = DECODER.decode(new ByteArrayInputStream(event));

    assertThat(decoded).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decoded).reason()).isIn("event starts with a byte-order mark", "event is not UTF-8 text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8"})
  void decode_sameEventInUtf8_accepted(String charset) throws Exception {
    assertThat(DECODER.decode(new ByteArrayInputStream(event().getBytes(Charset.forName(charset)))))
        .isInstanceOf(ChangeEvent.class);
  }

  private static String event() throws Exception {
    return Files.readString(Path.of("events", "cloudtrail-modify-vpc-endpoint-add-subnet.json"));
  }
}
