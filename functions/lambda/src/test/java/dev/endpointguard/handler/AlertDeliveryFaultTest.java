package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 11: alerts are never lost and never doubled. A remediating sweep over single-AZ endpoints publishes its digest
 * through a proxy that throttles, fails or loses SNS's answers (or throttles one EC2 write past the SDK's retries, so
 * Lambda retries the event); an SQS queue subscribed to the topic shows what was delivered. Every applied change's
 * alert is delivered exactly once, or — when SNS never took it, or its fate is unknown — kept: the handler says so,
 * the log holds the whole alert, and the AlertsUndelivered metric (which the template alarms on) counts it.
 */
@LocalAwsTest
class AlertDeliveryFaultTest {
  private static final int ENDPOINTS = 6;
  private static final List<String> SERVICES = List.of("ssm", "ssmmessages", "ec2messages", "logs", "kms", "sts");

  private record Estate(List<String> endpoints) {
  }

  private static Estate seed(Ec2Client ec2) {
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.60.0.0/16")).vpc().vpcId();
    String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.60.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
    ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.60.1.0/24").availabilityZone("us-east-1b"));
    List<String> endpoints = new ArrayList<>();
    for (int i = 0; i < ENDPOINTS; i++) {
      String service = "com.amazonaws.us-east-1." + SERVICES.get(i);
      endpoints.add(ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(service)
          .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(a).privateDnsEnabled(false)).vpcEndpoint()
          .vpcEndpointId());
    }
    return new Estate(endpoints);
  }

  private static RequestStreamHandler sweep(FaultProxy proxy, String topicArn) {
    Map<String, String> env = new HashMap<>();
    for (RuleId rule : RuleId.values()) {
      env.put("MODE_" + rule.name(), rule == RuleId.SINGLE_AZ_ENDPOINT ? "remediate" : "off");
    }
    env.put("ALERT_TOPIC_ARN", topicArn);
    return Functions.SWEEP.create(HandlerRuntime.create(env, AwsClients.Target.local(Region.US_EAST_1,
        proxy.endpoint()).withRetries(true).withAttemptTimeout(Duration.ofSeconds(5))));
  }

  private static JsonNode invoke(RequestStreamHandler handler) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Lambda's async retries of an event keep its request id: the same context on each attempt.
    handler.handleRequest(new ByteArrayInputStream(EventEstate.read("schedule-sweep.json")
            .getBytes(StandardCharsets.UTF_8)), out,
        new LocalContext("SweepFunction", "us-east-1", () -> "123456789012", 300, 1024, Clock.systemUTC(), System.err));
    return Invoker.JSON.readTree(out.toByteArray());
  }

  /** Endpoint id → how many delivered alerts report it APPLIED. */
  private static Map<String, Integer> appliedAlerts(List<JsonNode> delivered) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode envelope : delivered) {
      JsonNode alert = Invoker.JSON.readTree(envelope.path("Message").asText());
      for (JsonNode e : alert.path("evaluations")) {
        if (e.path("outcome").asText().equals("APPLIED")) {
          counts.merge(e.path("resourceId").asText(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Endpoint id → how many delivered alerts report it at all, whatever the outcome. */
  private static Map<String, Integer> alerted(List<JsonNode> delivered) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode envelope : delivered) {
      for (JsonNode e : Invoker.JSON.readTree(envelope.path("Message").asText()).path("evaluations")) {
        counts.merge(e.path("resourceId").asText(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static Map<String, Integer> once(List<String> endpoints) {
    Map<String, Integer> m = new TreeMap<>();
    endpoints.forEach(e -> m.put(e, 1));
    return m;
  }

  @Test
  void snsThrottlesTwice_theDigestIsDeliveredOnceAfterBackoff(LocalAws aws, AwsClients clients) throws Exception {
    Estate estate = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox");
         FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.THROTTLE, 1.0, Duration.ZERO, 1,
             FaultProxy.Calls.SNS_PUBLISH, 2)) {
      JsonNode result = invoke(sweep(proxy, inbox.topicArn()));

      assertThat(result.path("alerts").toString()).isEqualTo("{\"published\":1,\"failed\":0,\"deferred\":0}");
      assertThat(proxy.publishes()).isEqualTo(3);
      assertThat(appliedAlerts(inbox.drain())).isEqualTo(once(estate.endpoints()));
    }
  }

  @Test
  void snsFailsOnItsSideTwice_theDigestIsDeliveredOnce(LocalAws aws, AwsClients clients) throws Exception {
    Estate estate = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox");
         FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.SERVER_ERROR, 1.0, Duration.ZERO, 1,
             FaultProxy.Calls.SNS_PUBLISH, 2)) {
      JsonNode result = invoke(sweep(proxy, inbox.topicArn()));

      assertThat(result.path("alerts").path("published").asInt()).isEqualTo(1);
      assertThat(appliedAlerts(inbox.drain())).isEqualTo(once(estate.endpoints()));
    }
  }

  @Test
  void snsAnswerLost_theAlertIsNotSentAgain_butKeptInTheLogAndCounted(LocalAws aws, AwsClients clients)
      throws Exception {
    Estate estate = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox");
         FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.LOST_ANSWER, 1.0, Duration.ZERO, 1,
             FaultProxy.Calls.SNS_PUBLISH, 1)) {
      RequestStreamHandler sweep = sweep(proxy, inbox.topicArn());
      List<JsonNode> results = new ArrayList<>();
      List<JsonNode> lines = TelemetryTest.stdoutJson(() -> {
        try {
          JsonNode r = invoke(sweep);
          results.add(r);
          return r;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      // SNS took it (the answer was lost on the way back): delivered once, never sent a second time.
      assertThat(proxy.publishes()).isEqualTo(1);
      assertThat(appliedAlerts(inbox.drain())).isEqualTo(once(estate.endpoints()));
      // Its fate was unknown to the function: kept (the log holds the whole alert) and counted.
      JsonNode result = results.get(0);
      assertThat(result.path("alerts").path("failed").asInt()).isEqualTo(1);
      assertThat(result.path("problems").toString()).contains("kept in the log");
      JsonNode kept = lines.stream().filter(l -> "alert not delivered".equals(l.path("message").asText()))
          .findFirst().orElseThrow();
      assertThat(Invoker.JSON.readTree(kept.path("alert").asText()).path("evaluations")).hasSize(ENDPOINTS);
      assertThat(TelemetryTest.emf(lines, "none").path("AlertsUndelivered").asDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void snsThrottlesPastEveryRetry_theAlertIsKeptAndCounted(LocalAws aws, AwsClients clients) throws Exception {
    seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox");
         FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.THROTTLE, 1.0, Duration.ZERO, 1,
             FaultProxy.Calls.SNS_PUBLISH, Integer.MAX_VALUE)) {
      JsonNode result = invoke(sweep(proxy, inbox.topicArn()));

      assertThat(proxy.publishes()).isEqualTo(5);
      assertThat(result.path("alerts").toString()).isEqualTo("{\"published\":0,\"failed\":1,\"deferred\":0}");
      assertThat(inbox.drain()).isEmpty();
    }
  }

  @Test
  void ec2ThrottledPastTheSdkRetries_lambdaRetries_eachAppliedChangeAlertedOnceAcrossTheAttempts(LocalAws aws,
      AwsClients clients) throws Exception {
    Estate estate = seed(clients.ec2());
    try (AlertInbox inbox = AlertInbox.create(aws, Region.US_EAST_1, clients.sns(), "alerts", "inbox");
         // The first write and the SDK's two retries of it are throttled: that endpoint's fix fails retryably.
         FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.THROTTLE, 1.0, Duration.ZERO, 1,
             FaultProxy.Calls.EC2_WRITES, 3)) {
      RequestStreamHandler sweep = sweep(proxy, inbox.topicArn());

      assertThatThrownBy(() -> invoke(sweep)).isInstanceOf(RetryableInvocationException.class);
      List<JsonNode> first = inbox.drain();
      JsonNode retry = invoke(sweep);
      List<JsonNode> second = inbox.drain();

      // The first attempt alerted the changes it applied (the only record of them) and deferred the one it could
      // not apply; the retry found those fixed and alerted only the one it applied now.
      assertThat(appliedAlerts(first)).hasSize(ENDPOINTS - 1);
      assertThat(appliedAlerts(second)).hasSize(1);
      List<JsonNode> all = new ArrayList<>(first);
      all.addAll(second);
      assertThat(appliedAlerts(all)).isEqualTo(once(estate.endpoints()));
      // Nothing alerted twice: the finding whose fix failed was not alerted by the attempt that was retried.
      assertThat(alerted(all)).isEqualTo(once(estate.endpoints()));
      assertThat(retry.path("status").asText()).isEqualTo("done");
    }
  }
}
