package dev.endpointguard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@LocalAwsTest
class ConfigEvaluationWriterTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @org.junit.jupiter.api.Test
  void annotation_longerThan256_cutTo256WithEllipsis() {
    String cut = ConfigEvaluationWriter.annotation("x".repeat(300));

    assertThat(cut).hasSize(256).endsWith("…");
    assertThat(ConfigEvaluationWriter.annotation("short")).isEqualTo("short");
  }


  @Test
  void put_150Evaluations_twoCallsOf100And50(LocalAws aws, AwsClients clients) throws Exception {
    List<Evaluation> evaluations = IntStream.range(0, 150).mapToObj(i -> new Evaluation(RuleId.SINGLE_AZ_ENDPOINT,
        ResourceType.VPC_ENDPOINT, "vpce-%017x".formatted(i), "vpc-0a1b2c3d4e5f60718", Status.COMPLIANT,
        Severity.HIGH, "r".repeat(400), List.of())).toList();

    ConfigEvaluationWriter.Sent sent = new ConfigEvaluationWriter(clients::config)
        .put(evaluations, Instant.parse("2025-03-04T10:00:00Z"), "token-1", false);

    assertThat(sent.evaluations()).isEqualTo(150);
    JsonNode calls = JSON.readTree(aws.configEvaluationsJson());
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).path("Evaluations")).hasSize(100);
    assertThat(calls.get(1).path("Evaluations")).hasSize(50);
    assertThat(calls.get(1).path("Evaluations").get(49).path("ComplianceResourceId").asText())
        .isEqualTo("vpce-%017x".formatted(149));
    assertThat(calls.get(0).path("Evaluations").get(0).path("Annotation").asText()).hasSize(256);
    assertThat(calls.get(0).path("ResultToken").asText()).isEqualTo("token-1");
    assertThat(calls.get(0).path("TestMode").asBoolean(false)).isFalse();
  }
}
