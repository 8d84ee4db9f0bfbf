package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.handler.HandlerRuntime;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 11: every path that applies a change prints its rollback — the text report, the JSON report (each change's
 * {@code rollback}, with its {@code outcome}), the SNS JSON alert, the digest's text and the handler's result.
 */
@LocalAwsTest
class RollbackEverywhereTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One single-AZ endpoint whose fix adds a subnet: its rollback removes that subnet. */
  private static String seed(Ec2Client ec2) {
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.70.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.70.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.70.1.0/24").availabilityZone("us-east-1b"));
    return ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.amazonaws.us-east-1.ssm")
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(a).privateDnsEnabled(false)).vpcEndpoint()
        .vpcEndpointId();
  }

  private static Cli cli(String... args) {
    return Cli.run(args);
  }

  private static Cli fix(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(), "--region",
        "us-east-1", "--rule", "single-az-endpoint", "--fix"));
    args.addAll(List.of(extra));
    return cli(args.toArray(String[]::new));
  }

  @Test
  void scanFixText_printsTheRollbackOfTheAppliedChange(LocalAws aws, AwsClients clients) {
    String endpoint = seed(clients.ec2());

    Cli text = fix(aws, "--format", "text");

    assertThat(text.out()).contains("done: add subnet(s)")
        .contains("rollback: aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpoint + " --remove-subnet-ids subnet-");
  }

  @Test
  void scanFixJson_eachChangeHasItsRollbackAndOutcome(LocalAws aws, AwsClients clients) throws Exception {
    String endpoint = seed(clients.ec2());

    JsonNode report = JSON.readTree(fix(aws, "--format", "json").out());

    JsonNode change = report.at("/evaluations/0/plan/0");
    assertThat(report.at("/evaluations/0/resourceId").asText()).isEqualTo(endpoint);
    assertThat(change.get("outcome").asText()).isEqualTo("APPLIED");
    assertThat(change.get("rollback").asText())
        .startsWith("aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpoint + " --remove-subnet-ids subnet-");
  }

  @Test
  void scanFixWithTopic_theSnsJsonAlertCarriesTheRollback(LocalAws aws, AwsClients clients) throws Exception {
    String endpoint = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox")) {
      fix(aws, "--format", "json", "--alert-topic-arn", inbox.topicArn());

      JsonNode alert = JSON.readTree(inbox.drain().get(0).path("Message").asText());
      assertThat(alert.at("/evaluation/resourceId").asText()).isEqualTo(endpoint);
      assertThat(alert.at("/evaluation/plan/0/rollback").asText()).contains("--remove-subnet-ids subnet-");
    }
  }

  @Test
  void sweepInRemediateMode_theDigestJsonAndTheHandlerResultCarryTheRollback(LocalAws aws, AwsClients clients)
      throws Exception {
    String endpoint = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox")) {
      RequestStreamHandler sweep = Functions.SWEEP.create(HandlerRuntime.create(Map.of(
          "MODE_SINGLE_AZ_ENDPOINT", "remediate", "ALERT_TOPIC_ARN", inbox.topicArn()),
          AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      sweep.handleRequest(Files.newInputStream(Path.of("events", "schedule-sweep.json")), out,
          new LocalContext("SweepFunction", "us-east-1", () -> "123456789012", 300, 1024,
              Clock.systemUTC(), System.err));

      JsonNode result = JSON.readTree(out.toByteArray());
      JsonNode evaluation = null;
      for (JsonNode e : result.path("findings")) {
        if (e.path("resourceId").asText().equals(endpoint) && e.path("rule").asText().equals("single-az-endpoint")) {
          evaluation = e;
        }
      }
      assertThat(evaluation).isNotNull();
      assertThat(evaluation.at("/plan/0/rollback").asText()).contains("--remove-subnet-ids subnet-");
      JsonNode digest = inbox.drain().get(0);
      JsonNode structured = JSON.readTree(digest.path("Message").asText());
      assertThat(structured.path("type").asText()).isEqualTo("digest");
      assertThat(structured.at("/evaluations/0/plan/0/rollback").asText()).contains("--remove-subnet-ids");
      assertThat(JSON.readTree(digest.path("Message").asText()).path("type").asText()).isEqualTo("digest");
    }
  }
}
