package dev.endpointguard.trigger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The boundary every decoder shares: size limit, strict JSON, and "never throws". */
final class EventJson {
  // EventBridge events and asynchronous Lambda payloads are at most 256 KB.
  // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
  static final int MAX_BYTES = 256 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventJson() {
  }

  static Decoded decode(String json, Function<JsonNode, Decoded> decoder) {
    if (json == null) {
      return new Rejected("no event");
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, decoder);
  }

  static Decoded decode(InputStream in, Function<JsonNode, Decoded> decoder) {
    if (in == null) {
      return new Rejected("no event");
    }
    try {
      return decode(in.readNBytes(MAX_BYTES + 1), decoder);
    } catch (IOException e) {
      return new Rejected("event could not be read: " + e.getMessage());
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  private static Decoded decode(byte[] bytes, Function<JsonNode, Decoded> decoder) {
    if (bytes.length > MAX_BYTES) {
      return new Rejected("event larger than " + MAX_BYTES + " bytes");
    }
    try {
      return decoder.apply(parse(bytes, "event"));
    } catch (BadEvent e) {
      return new Rejected(e.getMessage());
    } catch (RuntimeException e) {
      // A decoder bug must still end in one line, not a crash the caller has to handle.
      return new Rejected("event could not be decoded: " + e.getClass().getSimpleName());
    } catch (StackOverflowError e) {
      return new Rejected("event nested too deeply");
    }
  }

  /** Parses a JSON document: the event itself, or a JSON string inside it (Config's invokingEvent). */
  static JsonNode parse(byte[] bytes, String what) {
    if (bytes.length == 0) {
      throw new BadEvent(what + " is empty");
    }
    try {
      JsonNode node = MAPPER.readTree(utf8(bytes, what));
      if (node == null || node.isMissingNode()) {
        throw new BadEvent(what + " is empty");
      }
      if (!node.isObject()) {
        throw new BadEvent(what + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadEvent(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Events are UTF-8 without a byte-order mark (https://www.rfc-editor.org/rfc/rfc8259#section-8.1); parsing the
   * decoded text keeps the parser from guessing UTF-16 or UTF-32 from the bytes.
   */
  private static String utf8(byte[] bytes, String what) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadEvent(what + " is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      throw new BadEvent(what + " starts with a byte-order mark");
    }
    return text;
  }

  static JsonNode parse(String text, String what) {
    return parse(text.getBytes(StandardCharsets.UTF_8), what);
  }
}
