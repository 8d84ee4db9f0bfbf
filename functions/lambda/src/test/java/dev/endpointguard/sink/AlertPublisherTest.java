package dev.endpointguard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.alert.Findings;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.LocalAwsTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Publishing to SNS in the local AWS, read back from an SQS queue subscribed to the topic. */
@LocalAwsTest
class AlertPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AlertContext CTX = AlertContext.of("ChangeEventFunction", "run-7");

  private static AlertInbox inbox(LocalAws aws, AwsClients clients) {
    return AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "endpoint-guard-alerts", "alerts-inbox");
  }

  private static List<AlertMessage> format(List<EvaluationResult> results) {
    return new AlertFormatter().format(Findings.report(results), CTX);
  }

  @Test
  void publish_finding_queueGetsSqsJsonAndMessageAttributes(LocalAws aws, AwsClients clients) throws Exception {
    try (AlertInbox wiring = inbox(aws, clients)) {
      AlertMessage message = format(List.of(Findings.result(RuleId.BROAD_ENDPOINT_POLICY, Outcome.PLANNED))).get(0);

      PublishResult result = new AlertPublisher(clients.sns(), wiring.topicArn()).publish(List.of(message));

      assertThat(result.failures()).isEmpty();
      assertThat(result.messageIds()).singleElement().asString().isNotBlank();
      List<JsonNode> received = wiring.drain();
      assertThat(received).hasSize(1);
      JsonNode envelope = received.get(0);
      assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
      assertThat(envelope.path("MessageId").asText()).isEqualTo(result.messageIds().get(0));
      assertThat(envelope.path("TopicArn").asText()).isEqualTo(wiring.topicArn());
      assertThat(envelope.path("Subject").asText()).isEqualTo(message.subject());
      assertThat(envelope.path("Message").asText()).isEqualTo(message.json());
      JsonNode body = JSON.readTree(envelope.path("Message").asText());
      assertThat(body.path("version").asText()).isEqualTo("endpoint-guard/1");
      assertThat(body.path("evaluation").path("rule").asText()).isEqualTo("broad-endpoint-policy");
      assertThat(body.path("previous").path("policyDocument").asText()).isEqualTo(Findings.BROAD_POLICY);
      JsonNode attributes = envelope.path("MessageAttributes");
      Map<String, String> expected = Map.of("rule", "broad-endpoint-policy", "severity", "HIGH",
          "outcome", "PLANNED", "account", Findings.ACCOUNT, "region", Findings.REGION);
      assertThat(attributes.size()).isEqualTo(expected.size());
      expected.forEach((name, value) -> {
        assertThat(attributes.path(name).path("Type").asText()).as(name).isEqualTo("String");
        assertThat(attributes.path(name).path("Value").asText()).as(name).isEqualTo(value);
      });
    }
  }

  @Test
  void publish_finding_topicRecordsEmailTextForEmailSubscribers(LocalAws aws, AwsClients clients) throws Exception {
    try (AlertInbox wiring = inbox(aws, clients)) {
      AlertMessage message = format(List.of(Findings.result(RuleId.SINGLE_AZ_ENDPOINT, Outcome.APPLIED))).get(0);

      new AlertPublisher(clients.sns(), wiring.topicArn()).publish(List.of(message));

      JsonNode sent = sentNotifications(aws, wiring.topicArn());
      assertThat(sent).hasSize(1);
      // moto records (message id, message, subject, attributes, group id); the message is the structured body.
      JsonNode structured = JSON.readTree(sent.get(0).get(1).asText());
      assertThat(structured.path("email").asText()).isEqualTo(message.emailText())
          .contains("Why it matters: ").contains("Cost: +$14.60 per month");
      assertThat(structured.path("default").asText()).isEqualTo(message.defaultText());
      assertThat(sent.get(0).get(2).asText()).isEqualTo(message.subject());
    }
  }

  /**
   * Issue 13: a digest too large for one SNS message goes as several, each under SNS's 256 KB, numbered "part i of n",
   * and every finding arrives in exactly one of them.
   */
  @Test
  void publish_digestOf500_arrivesInPartsEachUnder256KbEveryFindingOnce(LocalAws aws, AwsClients clients)
      throws Exception {
    try (AlertInbox wiring = inbox(aws, clients)) {
      List<EvaluationResult> findings = Findings.many(500);
      List<AlertMessage> messages = format(findings);

      PublishResult result = new AlertPublisher(clients.sns(), wiring.topicArn()).publish(messages);

      assertThat(result.failures()).isEmpty();
      int parts = messages.size();
      assertThat(parts).as("parts").isGreaterThan(1);
      assertThat(result.published()).isEqualTo(parts);
      // What SNS took, as the local AWS recorded it: each message with its subject and attributes under the limit.
      JsonNode sent = sentNotifications(aws, wiring.topicArn());
      assertThat(sent).hasSize(parts);
      for (JsonNode notification : sent) {
        int bytes = notification.get(1).asText().getBytes(StandardCharsets.UTF_8).length;
        for (var attribute : (Iterable<Map.Entry<String, JsonNode>>) () -> notification.get(3).fields()) {
          bytes += attribute.getKey().length() + attribute.getValue().toString().length();
        }
        assertThat(bytes).as("message and attributes").isLessThanOrEqualTo(256 * 1024);
      }
      // What the subscribed queue received.
      List<JsonNode> received = wiring.drain();
      assertThat(received).hasSize(parts);
      Map<String, Integer> seen = new TreeMap<>();
      Set<Integer> numbers = new TreeSet<>();
      for (JsonNode envelope : received) {
        JsonNode digest = JSON.readTree(envelope.path("Message").asText());
        assertThat(digest.path("type").asText()).isEqualTo("digest");
        assertThat(digest.at("/summary/findings").asInt()).isEqualTo(500);
        assertThat(digest.at("/summary/parts").asInt()).isEqualTo(parts);
        int part = digest.at("/summary/part").asInt();
        numbers.add(part);
        assertThat(envelope.path("Subject").asText()).endsWith(" (part " + part + " of " + parts + ")")
            .hasSizeLessThanOrEqualTo(100);
        assertThat(digest.path("evaluations")).hasSize(digest.at("/summary/included").asInt());
        digest.path("evaluations").forEach(e -> seen.merge(e.path("rule").asText() + " "
            + e.path("resourceId").asText(), 1, Integer::sum));
      }
      assertThat(numbers).as("parts 1 to n").hasSize(parts).first().isEqualTo(1);
      assertThat(seen).as("every finding once").hasSize(500).allSatisfy((finding, n) -> assertThat(n).isEqualTo(1));
      assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(findings.stream()
          .map(r -> r.evaluation().rule().id() + " " + r.evaluation().resourceId()).toList());
    }
  }

  @Test
  void publish_missingTopic_failureReportedNotThrown(AwsClients clients) {
    String missing = "arn:aws:sns:us-east-1:123456789012:no-such-topic";
    List<AlertMessage> messages = format(Findings.many(2));

    PublishResult result = new AlertPublisher(clients.sns(), missing).publish(messages);

    assertThat(result.published()).isZero();
    assertThat(result.failures()).hasSize(2).allSatisfy(f -> {
      assertThat(f.errorCode()).isEqualTo("NotFound");
      assertThat(f.retryable()).isFalse();
    });
    assertThat(result.failures()).extracting(PublishResult.Failure::index).containsExactly(0, 1);
  }

  @Test
  void publish_oneRejectedMessageAmongThree_othersDelivered(LocalAws aws, AwsClients clients) throws Exception {
    try (AlertInbox wiring = inbox(aws, clients)) {
      List<AlertMessage> messages = new ArrayList<>(format(Findings.many(3)));
      AlertMessage good = messages.get(1);
      // Past SNS's 256 KB limit: SNS rejects this one with InvalidParameter.
      messages.set(1, new AlertMessage(good.subject(), "x".repeat(300_000), good.emailText(), good.json(),
          good.attributes()));

      PublishResult result = new AlertPublisher(clients.sns(), wiring.topicArn()).publish(messages);

      assertThat(result.published()).isEqualTo(2);
      assertThat(result.failures()).singleElement().satisfies(f -> {
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.errorCode()).isEqualTo("InvalidParameter");
        assertThat(f.retryable()).isFalse();
      });
      assertThat(wiring.drain()).extracting(e -> e.path("Subject").asText())
          .containsExactlyInAnyOrder(messages.get(0).subject(), messages.get(2).subject());
    }
  }

  @Test
  void publish_fifoTopic_sentWithGroupAndDeduplicationIds(LocalAws aws, AwsClients clients) throws Exception {
    String topicArn = clients.sns().createTopic(b -> b.name("endpoint-guard-alerts.fifo")
        .attributes(Map.of("FifoTopic", "true"))).topicArn();
    List<AlertMessage> messages = format(Findings.many(2));

    PublishResult result = new AlertPublisher(clients.sns(), topicArn).publish(messages);

    assertThat(result.failures()).isEmpty();
    assertThat(result.published()).isEqualTo(2);
    JsonNode sent = sentNotifications(aws, topicArn);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).get(4).asText()).isEqualTo("endpoint-guard");
  }

  /** moto's record of what each topic sent, from its model dump. */
  private static JsonNode sentNotifications(LocalAws aws, String topicArn) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(aws.endpoint() + "/moto-api/data.json")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    for (JsonNode topic : JSON.readTree(response.body()).path("sns").path("Topic")) {
      if (topic.path("arn").asText().equals(topicArn)) {
        return topic.path("sent_notifications");
      }
    }
    throw new AssertionError("topic " + topicArn + " not in moto's data.json");
  }
}
