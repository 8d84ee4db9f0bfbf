package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The EMF metrics and the structured log lines an invocation writes to stdout. */
@LocalAwsTest
class TelemetryTest {

  @Test
  void changeEvent_finding_emfCarriesPerRuleMetricsInOurNamespace(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of("POWERTOOLS_METRICS_NAMESPACE", "EndpointGuard"));
    String event = estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json");

    List<JsonNode> lines = stdoutJson(() -> invoker.invoke(Functions.CHANGE_EVENT, event));

    JsonNode singleAz = emf(lines, "single-az-endpoint");
    JsonNode directive = singleAz.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(directive.path("Namespace").asText()).isEqualTo("EndpointGuard");
    assertThat(directive.path("Dimensions").toString()).contains("\"rule\"");
    assertThat(directive.path("Metrics").toString()).contains("Evaluations", "NonCompliant", "RemediationsApplied",
        "RemediationsFailed");
    assertThat(singleAz.path("Evaluations").asDouble()).isEqualTo(1.0);
    assertThat(singleAz.path("NonCompliant").asDouble()).isEqualTo(1.0);
    assertThat(singleAz.path("RemediationsApplied").asDouble()).isZero();
    assertThat(emf(lines, "vpc-dns-disabled").path("NonCompliant").asDouble()).isZero();
  }

  @Test
  void changeEvent_finding_logsOneLinePerEvaluationWithRuleResourceOutcomeAndRequestId(LocalAws aws,
                                                                                      AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    String event = estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json");

    List<JsonNode> lines = stdoutJson(() -> invoker.invoke(Functions.CHANGE_EVENT, event));

    JsonNode line = lines.stream().filter(l -> "evaluation".equals(l.path("message").asText())
            && "single-az-endpoint".equals(l.path("rule").asText())).findFirst().orElseThrow();
    assertThat(line.path("resource").asText()).isEqualTo(estate.id(EventEstate.ONE_AZ));
    assertThat(line.path("outcome").asText()).isEqualTo("PLANNED");
    assertThat(line.path("function_request_id").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    assertThat(lines).anyMatch(l -> "invocation finished".equals(l.path("message").asText())
        && "done".equals(l.path("outcome").asText()));
  }

  @Test
  void rejectedEvent_emitsEventsRejectedWithRuleNone(LocalAws aws) {
    Invoker invoker = new Invoker(aws);

    List<JsonNode> lines = stdoutJson(() -> invoker.invoke(Functions.SWEEP, "[]"));

    JsonNode rejected = emf(lines, "none");
    assertThat(rejected.path("EventsRejected").asDouble()).isEqualTo(1.0);
    assertThat(lines).anyMatch(l -> "event rejected".equals(l.path("message").asText())
        && "rejected".equals(l.path("outcome").asText()) && l.path("reason").asText().contains("not a JSON object"));
  }

  static JsonNode emf(List<JsonNode> lines, String rule) {
    return lines.stream().filter(l -> l.has("_aws") && rule.equals(l.path("rule").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no EMF line for rule " + rule + " in " + lines));
  }

  /** Runs {@code invocation} with stdout captured; returns the lines that are JSON objects. */
  static List<JsonNode> stdoutJson(Supplier<JsonNode> invocation) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      invocation.get();
    } finally {
      System.setOut(original);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.startsWith("{")) {
        try {
          lines.add(Invoker.JSON.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return lines;
  }
}
