package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.cli.Cli;
import dev.endpointguard.cli.EndpointGuardCli;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file in events/ through {@code endpoint-guard invoke FUNCTION --event FILE} against the local AWS, as a
 * person would run it: the handler's status, the exit code, and what was evaluated.
 */
@LocalAwsTest
class InvokeEventFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();


  private static Cli invoke(LocalAws aws, String function, Path event) {
    return Cli.run("invoke", function, "--event", event.toString(), "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1");
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
      "cloudtrail-create-vpc-endpoint-one-subnet.json, ChangeEventFunction, done, 5",
      "cloudtrail-create-vpc-endpoint-several-subnets.json, ChangeEventFunction, done, 5",
      "cloudtrail-create-vpc-endpoint-pending-no-subnets.json, ChangeEventFunction, done, 5",
      "cloudtrail-modify-vpc-endpoint-add-subnet.json, ChangeEventFunction, done, 5",
      "cloudtrail-modify-vpc-endpoint-private-dns-off.json, ChangeEventFunction, done, 5",
      "cloudtrail-modify-vpc-endpoint-policy.json, ChangeEventFunction, done, 5",
      "cloudtrail-modify-vpc-endpoint-error.json, ChangeEventFunction, ignored, 0",
      "cloudtrail-modify-vpc-attribute-dns-support-off.json, ChangeEventFunction, done, 13",
      "cloudtrail-modify-vpc-attribute-dns-hostnames-off.json, ChangeEventFunction, done, 13",
      "cloudtrail-authorize-security-group-ingress-nested.json, ChangeEventFunction, done, 13",
      "cloudtrail-authorize-security-group-ingress-flat.json, ChangeEventFunction, done, 13",
      "cloudtrail-modify-security-group-rules.json, ChangeEventFunction, done, 13",
      "cloudtrail-delete-vpc-endpoints.json, ChangeEventFunction, done, 13",
      "cloudtrail-create-subnet.json, ChangeEventFunction, done, 13",
      "config-rule-change-vpc-endpoint.json, ConfigRuleFunction, done, 1",
      "config-rule-change-vpc-endpoint-deleted.json, ConfigRuleFunction, done, 1",
      "config-rule-oversized.json, ConfigRuleFunction, done, 1",
      "config-rule-scheduled.json, ConfigRuleFunction, done, 1",
      "compliance-change-non-compliant.json, ComplianceRemediationFunction, done, 1",
      "schedule-sweep.json, SweepFunction, done, 13"
  })
  void invoke_eventFile_runsTheHandlerAndPrintsItsResult(String file, String function, String status,
                                                         int evaluations, LocalAws aws, AwsClients clients,
                                                         @TempDir Path dir) throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    Path event = Files.writeString(dir.resolve(file), estate.event(file), StandardCharsets.UTF_8);

    Cli result = invoke(aws, function, event);

    JsonNode json = JSON.readTree(result.out());
    assertThat(json.path("status").asText()).as(result.err()).isEqualTo(status);
    assertThat(json.path("function").asText()).isEqualTo(function);
    assertThat(json.at("/summary/evaluated").asInt()).isEqualTo(evaluations);
    assertThat(json.path("findings").size()).isEqualTo(json.at("/summary/nonCompliant").asInt());
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.OK);
  }

  @Test
  void invoke_rejectedEvent_exitsOneWithTheReasonOnStderr(LocalAws aws, @TempDir Path dir) throws IOException {
    Path event = Files.writeString(dir.resolve("bad.json"), "{\"detail-type\": 42}");

    Cli result = invoke(aws, "ChangeEventFunction", event);

    assertThat(result.exit()).isEqualTo(EndpointGuardCli.RUNTIME_ERROR);
    assertThat(JSON.readTree(result.out()).path("status").asText()).isEqualTo("rejected");
    assertThat(result.err()).startsWith("endpoint-guard: ChangeEventFunction rejected the event: ")
        .doesNotContain("\tat ");
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @Test
  void invoke_unknownFunction_isAUsageError(LocalAws aws, @TempDir Path dir) throws IOException {
    Path event = Files.writeString(dir.resolve("e.json"), "{}");

    Cli result = invoke(aws, "NoSuchFunction", event);

    assertThat(result.exit()).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(result.err()).contains("ChangeEventFunction").contains("SweepFunction");
  }

  @Test
  void invoke_missingEventFile_isAUsageError(LocalAws aws, @TempDir Path dir) {
    Cli result = invoke(aws, "SweepFunction", dir.resolve("missing.json"));

    assertThat(result.exit()).isEqualTo(EndpointGuardCli.USAGE);
    assertThat(result.err()).contains("no such file");
  }
}
