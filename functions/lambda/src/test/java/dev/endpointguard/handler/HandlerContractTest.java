package dev.endpointguard.handler;

import static dev.endpointguard.handler.EventEstate.ONE_AZ;
import static dev.endpointguard.handler.Invoker.evaluation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.SettingsException;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The contract every handler keeps: modes, idempotence, our own events, bad input, retryable and fatal errors. */
@LocalAwsTest
class HandlerContractTest {
  private static final String REMEDIATE_SINGLE_AZ = "MODE_SINGLE_AZ_ENDPOINT";

  @Test
  void complianceChange_remediateMode_addsSubnetsAndVerifies(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(REMEDIATE_SINGLE_AZ, "remediate"));
    JsonNode result = invoker.invoke(Functions.COMPLIANCE_REMEDIATION,
        estate.event("compliance-change-non-compliant.json"));

    assertThat(evaluation(result, "single-az-endpoint", estate.id(ONE_AZ)).path("outcome").asText())
        .isEqualTo("APPLIED");
    assertThat(result.path("summary").path("applied").asInt()).isEqualTo(1);
    assertThat(invoker.counter.writes()).contains("Ec2:ModifyVpcEndpoint");
    assertThat(clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.id(ONE_AZ))).vpcEndpoints().get(0)
        .subnetIds()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void changeEvent_alertMode_publishesAlertsAndWritesNothingToEc2(LocalAws aws, AwsClients clients) throws Exception {
    EventEstate estate = EventEstate.seed(clients);
    try (AlertInbox inbox = inbox(aws, clients)) {
      Invoker invoker = new Invoker(aws, Map.of("ALERT_TOPIC_ARN", inbox.topicArn()));
      JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
          estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json"));

      assertThat(result.path("alerts").path("published").asInt()).isEqualTo(1);
      assertThat(result.path("alerts").path("failed").asInt()).isZero();
      assertThat(invoker.counter.writes()).containsExactly("Sns:Publish");
      List<JsonNode> alerts = inbox.drain();
      assertThat(alerts).hasSize(1);
      JsonNode alert = Invoker.JSON.readTree(alerts.get(0).path("Message").asText());
      assertThat(alert.toString()).contains("single-az-endpoint", estate.id(ONE_AZ), "ChangeEventFunction");
    }
  }

  @Test
  void sweep_severalFindings_oneDigestAlert(LocalAws aws, AwsClients clients) throws Exception {
    EventEstate estate = EventEstate.seed(clients);
    try (AlertInbox inbox = inbox(aws, clients)) {
      JsonNode result = new Invoker(aws, Map.of("ALERT_TOPIC_ARN", inbox.topicArn()))
          .invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

      assertThat(result.path("summary").path("nonCompliant").asInt()).isEqualTo(3);
      assertThat(result.path("alerts").path("published").asInt()).isEqualTo(1);
      List<JsonNode> alerts = inbox.drain();
      assertThat(alerts).hasSize(1);
      assertThat(alerts.get(0).path("Message").asText()).contains("\"findings\":3");
    }
  }

  @Test
  void changeEvent_sameEventTwiceInRemediateMode_secondMakesNoWrites(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(REMEDIATE_SINGLE_AZ, "remediate"));
    String event = estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json");

    JsonNode first = invoker.invoke(Functions.CHANGE_EVENT, event);
    assertThat(first.path("summary").path("applied").asInt()).isEqualTo(1);
    assertThat(invoker.counter.writes()).isNotEmpty();
    invoker.counter.reset();
    JsonNode second = invoker.invoke(Functions.CHANGE_EVENT, event);

    assertThat(invoker.counter.writes()).isEmpty();
    assertThat(invoker.logged("single-az-endpoint", estate.id(ONE_AZ)).path("status").asText())
        .isEqualTo("COMPLIANT");
    assertThat(second.path("findings")).isEmpty();
  }

  @Test
  void changeEvent_causedByOurOwnFix_ignoredWithoutWrites(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(REMEDIATE_SINGLE_AZ, "remediate"));
    invoker.invoke(Functions.COMPLIANCE_REMEDIATION, estate.event("compliance-change-non-compliant.json"));
    invoker.counter.reset();
    // The ModifyVpcEndpoint our fix caused, as CloudTrail records it.
    assertOwnChangeIgnored(invoker, clients, estate.event("cloudtrail-modify-vpc-endpoint-add-subnet.json"));
  }

  /**
   * {@code cloudTrailEvent} as if our own identity had made the call (CloudTrail records it as the caller): the
   * change-event function ignores it, reading and writing nothing.
   */
  private static void assertOwnChangeIgnored(Invoker invoker, AwsClients clients, String cloudTrailEvent) {
    String ownArn = clients.sts().getCallerIdentity().arn();
    String replay = cloudTrailEvent.replace("arn:aws:sts::123456789012:assumed-role/NetworkAdmin/alice", ownArn);

    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT, replay);

    assertThat(result.path("status").asText()).isEqualTo("ignored");
    assertThat(result.path("reason").asText()).contains("own role");
    assertThat(invoker.counter.writes()).isEmpty();
    assertThat(invoker.counter.calls("ec2")).isEmpty();
  }

  /** Issue 12: the ModifyVpcEndpointServiceConfiguration our RequireAcceptance caused is recognised as ours. */
  @Test
  void changeEvent_endpointServiceFixOfOurOwn_ignoredWithoutWrites(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    estate.offerServiceToEveryone(aws);
    Invoker invoker = new Invoker(aws, Map.of("MODE_BROAD_ENDPOINT_SERVICE_PERMISSIONS", "remediate"));
    invoker.invoke(Functions.COMPLIANCE_REMEDIATION,
        estate.event("compliance-change-non-compliant-endpoint-service.json"));
    invoker.counter.reset();
    assertOwnChangeIgnored(invoker, clients,
        estate.event("cloudtrail-modify-vpc-endpoint-service-configuration-acceptance-off.json")
            .replace("\"AcceptanceRequired\": false", "\"AcceptanceRequired\": true"));
  }

  @Test
  void anyHandler_malformedEvent_rejectedWithoutAwsWrites(LocalAws aws, AwsClients clients) {
    EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(REMEDIATE_SINGLE_AZ, "remediate"));
    for (Functions f : Functions.values()) {
      JsonNode result = invoker.invoke(f, "{\"detail-type\": ");

      assertThat(result.path("status").asText()).as(f.logicalId()).isEqualTo("rejected");
      assertThat(result.path("function").asText()).isEqualTo(f.logicalId());
      assertThat(result.path("reason").asText()).contains("not valid JSON");
    }
    assertThat(invoker.counter.writes()).isEmpty();
    assertThat(invoker.counter.calls("ec2")).isEmpty();
  }

  @Test
  void changeEvent_foreignAccount_rejected(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json").replace("123456789012", "999988887777"));

    assertThat(result.path("status").asText()).isEqualTo("rejected");
    assertThat(result.path("reason").asText()).contains("foreign account");
    assertThat(invoker.counter.writes()).isEmpty();
  }

  @Test
  void sweep_accountFromTheFunctionArn_noStsCall(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    JsonNode result = invoker.invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    assertThat(result.path("status").asText()).isEqualTo("done");
    assertThat(invoker.counter.calls()).isNotEmpty().doesNotContain("Sts:GetCallerIdentity");
  }

  @Test
  void sweep_contextArnOfAnotherRegion_accountFromStsOnce(LocalAws aws, AwsClients clients) throws Exception {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Functions.SWEEP.create(invoker.runtime()).handleRequest(
          new ByteArrayInputStream(estate.event("schedule-sweep.json").getBytes(StandardCharsets.UTF_8)), out,
          new LocalContext("SweepFunction", "eu-west-1", () -> "123456789012", 300, 512,
              Clock.systemUTC(), System.err));
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\":\"done\"");
    }

    assertThat(invoker.counter.calls()).containsOnlyOnce("Sts:GetCallerIdentity");
  }

  @Test
  void changeEvent_anotherAccountInTheFunctionArn_eventFromTheKeysAccountIsForeign(LocalAws aws, AwsClients clients)
      throws Exception {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Functions.CHANGE_EVENT.create(invoker.runtime()).handleRequest(new ByteArrayInputStream(
            estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json").getBytes(StandardCharsets.UTF_8)), out,
        new LocalContext("ChangeEventFunction", "us-east-1", () -> "999988887777", 300, 512, Clock.systemUTC(),
            System.err));

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"status\":\"rejected\"", "foreign account");
    assertThat(invoker.counter.calls()).isEmpty();
  }

  @Test
  void changeEvent_ec2ThrottledBeyondRetries_throwsRetryable(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(), Throttle.throttled("DescribeVpcEndpoints"));

    assertThatThrownBy(() -> invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json")))
        .isInstanceOf(RetryableInvocationException.class)
        .hasMessageContaining("RequestLimitExceeded");
    assertThat(invoker.counter.writes()).isEmpty();
  }

  @Test
  void configRule_putEvaluationsThrottled_throwsRetryable(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(), Throttle.throttled("PutEvaluations"));

    assertThatThrownBy(() -> invoker.invoke(Functions.CONFIG_RULE,
        estate.event("config-rule-change-vpc-endpoint.json")))
        .isInstanceOf(RetryableInvocationException.class);
  }

  @Test
  void sweep_accessDenied_failedResultNotThrown(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(), Throttle.denied("DescribeVpcEndpoints"));

    JsonNode result = invoker.invoke(Functions.SWEEP, estate.event("schedule-sweep.json"));

    assertThat(result.path("status").asText()).isEqualTo("failed");
    assertThat(result.path("reason").asText()).startsWith("UnauthorizedOperation");
    assertThat(invoker.counter.writes()).isEmpty();
  }

  @Test
  void anyHandler_invalidSettings_throwsWithTheProblems(LocalAws aws, AwsClients clients) {
    EventEstate estate = EventEstate.seed(clients);
    Invoker invoker = new Invoker(aws, Map.of(REMEDIATE_SINGLE_AZ, "sometimes", "MIN_AZS", "9"));

    assertThatThrownBy(() -> invoker.invoke(Functions.CHANGE_EVENT,
        estate.event("cloudtrail-create-vpc-endpoint-one-subnet.json")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("MODE_SINGLE_AZ_ENDPOINT")
        .hasMessageContaining("MIN_AZS");
    assertThat(invoker.counter.calls()).isEmpty();
  }

  private static AlertInbox inbox(LocalAws aws, AwsClients clients) {
    return AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "endpoint-guard-alerts", "alerts-inbox");
  }
}
