package dev.endpointguard.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One SNS message, published with {@code MessageStructure=json}: readable text for e-mail and the default protocols,
 * {@code endpoint-guard/1} JSON for SQS, Lambda and HTTPS subscribers.
 *
 * @param attributes SNS message attributes (all of type String), for subscription filter policies
 */
public record AlertMessage(String subject, String defaultText, String emailText, String json,
                           Map<String, String> attributes) {
  /** SNS subject limit. https://docs.aws.amazon.com/sns/latest/api/API_Publish.html */
  public static final int MAX_SUBJECT_CHARS = 100;
  /** SNS message limit, message and attributes together. https://docs.aws.amazon.com/sns/latest/api/API_Publish.html */
  public static final int MAX_MESSAGE_BYTES = 262_144;
  public static final String ATTRIBUTE_TYPE = "String";

  public AlertMessage {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(defaultText, "defaultText");
    Objects.requireNonNull(emailText, "emailText");
    Objects.requireNonNull(json, "json");
    attributes = Map.copyOf(new TreeMap<>(attributes));
  }

  /** The {@code Message} parameter: one body per protocol, as {@code MessageStructure=json} expects. */
  public String structuredMessage() {
    ObjectNode body = ReportJson.MAPPER.createObjectNode();
    body.put("default", defaultText);
    body.put("email", emailText);
    body.put("sqs", json);
    body.put("lambda", json);
    body.put("https", json);
    return ReportJson.toJson(body, false);
  }

  /** What SNS counts against its size limit: the message plus each attribute's name, type and value. */
  public int sizeBytes() {
    int size = utf8(structuredMessage());
    for (Map.Entry<String, String> a : attributes.entrySet()) {
      size += utf8(a.getKey()) + utf8(ATTRIBUTE_TYPE) + utf8(a.getValue());
    }
    return size;
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
