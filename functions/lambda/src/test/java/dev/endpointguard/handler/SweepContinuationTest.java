package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Issue 13: a sweep that runs short of time stops between two VPCs and hands the rest to the next invocation through
 * its SQS queue (the local AWS's), and the chain of invocations that follows sweeps every VPC exactly once, alerts
 * every finding exactly once, and loses nothing. The Lambda context's clock moves on 150 s each time the sweep asks
 * for the time left (once per VPC), so with 900 s and a reserve of 60 s plus twice the slowest VPC, each invocation
 * takes three VPCs.
 */
@LocalAwsTest
class SweepContinuationTest {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  private static final int VPCS = 10;
  private static final String ACCOUNT = "123456789012";
  private static final Duration STEP = Duration.ofSeconds(150);

  @Test
  void sweep_outOfTime_handsOverByVpc_everyVpcSweptAndAlertedOnce(LocalAws aws, AwsClients clients)
      throws Exception {
    Map<String, List<String>> endpointsByVpc = seed(clients.ec2());
    String topic = clients.sns().createTopic(b -> b.name("alerts")).topicArn();
    String queue = sweepQueue(clients);
    Publishes publishes = new Publishes();
    RequestStreamHandler sweep = handler(aws, topic, queue, publishes);

    // Each part's result counts its evaluations and lists its findings; its log lists every evaluation.
    List<JsonNode> results = new ArrayList<>();
    List<JsonNode> logged = new ArrayList<>();
    Invoker.Logged first = Invoker.logging(() -> invoke(sweep, EventEstate.read("schedule-sweep.json")));
    results.add(first.result());
    logged.addAll(first.evaluations());
    for (int part = 2; part < 10; part++) {
      List<Message> messages = clients.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
          .attributeNamesWithStrings("All")).messages();
      if (messages.isEmpty()) {
        break;
      }
      assertThat(messages).as("one hand-over at a time").hasSize(1);
      JsonNode body = Invoker.JSON.readTree(messages.get(0).body());
      assertThat(body.path("part").asInt()).isEqualTo(part);
      assertThat(body.path("sweepId").asText()).isEqualTo("5e1a002c-1005-402c-8005-a0b0c0d0002c");
      Invoker.Logged run = Invoker.logging(() -> invoke(sweep, sqsEvent(messages.get(0), queue)));
      results.add(run.result());
      logged.addAll(run.evaluations());
      clients.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(messages.get(0).receiptHandle()));
    }

    assertThat(results.size()).as("parts").isBetween(3, VPCS - 1);
    assertThat(results).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("done"));
    assertThat(results.subList(0, results.size() - 1)).allSatisfy(r -> {
      assertThat(r.path("continuation").path("vpcsHandedOver").asInt()).isPositive();
      assertThat(r.path("continuation").path("vpcsNotHandedOver").asInt()).isZero();
    });
    assertThat(results.get(results.size() - 1).has("continuation")).as("the last part hands nothing over").isFalse();
    Map<String, Integer> sweptVpcs = new TreeMap<>();
    Map<String, Integer> evaluated = new TreeMap<>();
    List<String> nonCompliant = new ArrayList<>();
    for (JsonNode e : logged) {
      String key = e.path("rule").asText() + " " + e.path("resource").asText();
      evaluated.merge(key, 1, Integer::sum);
      if (e.path("status").asText().equals("NON_COMPLIANT")) {
        nonCompliant.add(key);
      }
      if (e.path("rule").asText().equals("vpc-dns-disabled")) {
        sweptVpcs.merge(e.path("resource").asText(), 1, Integer::sum);
      }
    }
    List<String> findings = new ArrayList<>();
    results.forEach(r -> r.path("findings").forEach(f -> findings.add(f.path("rule").asText() + " "
        + f.path("resourceId").asText())));
    assertThat(findings).as("each part's result lists its findings").containsExactlyInAnyOrderElementsOf(nonCompliant);
    assertThat(results.stream().mapToInt(r -> r.at("/summary/evaluated").asInt()).sum())
        .isEqualTo(evaluated.size());
    assertThat(sweptVpcs.keySet()).as("no VPC lost").containsExactlyInAnyOrderElementsOf(endpointsByVpc.keySet());
    assertThat(evaluated).as("each evaluation in exactly one part").allSatisfy((k, n) -> assertThat(n).as(k)
        .isEqualTo(1));
    assertThat(evaluated).hasSize(VPCS * 2 * 4 + VPCS);
    List<String> alerted = publishes.findings();
    assertThat(nonCompliant).as("every endpoint one AZ only")
        .containsAll(endpointsByVpc.values().stream().flatMap(List::stream).map(id -> "single-az-endpoint " + id)
            .toList());
    assertThat(alerted).as("each finding alerted exactly once").hasSameSizeAs(nonCompliant)
        .containsExactlyInAnyOrderElementsOf(nonCompliant);
    assertThat(publishes.count()).as("one digest per part").isEqualTo(results.size());
  }

  @Test
  void sweep_handOverRefused_vpcsKeptInTheLogAndReported(LocalAws aws, AwsClients clients) throws Exception {
    seed(clients.ec2());
    String missing = aws.endpoint() + "/" + ACCOUNT + "/no-such-queue.fifo";
    RequestStreamHandler sweep = handler(aws, "", missing, new Publishes());

    Invoker.Logged run = Invoker.logging(() -> invoke(sweep, EventEstate.read("schedule-sweep.json")));
    JsonNode result = run.result();

    assertThat(result.path("status").asText()).isEqualTo("done");
    assertThat(result.path("continuation").path("vpcsHandedOver").asInt()).isZero();
    int swept = (int) run.evaluations().stream()
        .filter(e -> e.path("rule").asText().equals("vpc-dns-disabled")).count();
    assertThat(swept).isBetween(1, VPCS - 1);
    assertThat(result.path("continuation").path("vpcsNotHandedOver").asInt()).isEqualTo(VPCS - swept);
    assertThat(result.path("problems").toString()).contains("not handed over").contains("kept in the log");
  }

  @Test
  void sweep_badHandOver_rejectedWithoutAnAwsCall(LocalAws aws, AwsClients clients) throws Exception {
    String queue = sweepQueue(clients);
    Invoker invoker = new Invoker(aws, Map.of("SWEEP_QUEUE_URL", queue));
    ObjectNode event = (ObjectNode) Invoker.JSON.readTree(EventEstate.read("sqs-sweep-continuation.json"));
    ObjectNode record = (ObjectNode) event.get("Records").get(0);
    record.put("body", record.get("body").asText().replace("vpc-0a1b2c3d4e5f60718", "vpc-nope"));

    JsonNode result = invoker.invoke(Functions.SWEEP, event.toString());

    assertThat(result.path("status").asText()).isEqualTo("rejected");
    assertThat(result.path("reason").asText())
        .isEqualTo("continuation message: vpcIds[0] is not a VPC id: 'vpc-nope'");
    assertThat(invoker.counter.calls()).isEmpty();
  }

  private static Map<String, List<String>> seed(Ec2Client ec2) {
    Map<String, List<String>> byVpc = new TreeMap<>();
    for (int v = 0; v < VPCS; v++) {
      String cidr = "10." + (100 + v) + ".0.0/16";
      String vpc = ec2.createVpc(b -> b.cidrBlock(cidr)).vpc().vpcId();
      String subnetCidr = "10." + (100 + v) + ".0.0/24";
      String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(subnetCidr).availabilityZone("us-east-1a"))
          .subnet().subnetId();
      // A second AZ the endpoints could use: each endpoint in one AZ only is a single-az-endpoint finding.
      String otherCidr = "10." + (100 + v) + ".1.0/24";
      ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(otherCidr).availabilityZone("us-east-1b"));
      List<String> endpoints = new ArrayList<>();
      for (String service : List.of("ssm", "kms")) {
        endpoints.add(ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.amazonaws.us-east-1." + service)
            .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnet).privateDnsEnabled(false))
            .vpcEndpoint().vpcEndpointId());
      }
      byVpc.put(vpc, endpoints);
    }
    return byVpc;
  }

  private static String sweepQueue(AwsClients clients) {
    return clients.sqs().createQueue(b -> b.queueName("sweep.fifo").attributes(Map.of(
        QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
  }

  private static RequestStreamHandler handler(LocalAws aws, String topic, String queue, Publishes publishes) {
    Map<String, String> env = new TreeMap<>();
    env.put("SWEEP_QUEUE_URL", queue);
    if (!topic.isEmpty()) {
      env.put("ALERT_TOPIC_ARN", topic);
    }
    HandlerRuntime runtime = HandlerRuntime.create(env, AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
        .withRetries(false).withInterceptors(List.of(publishes)));
    return Functions.SWEEP.create(runtime);
  }

  private static JsonNode invoke(RequestStreamHandler handler, String event) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        new LocalContext("SweepFunction", "us-east-1", () -> ACCOUNT, 900, 1024, TestClock.stepping(START, STEP),
            System.err));
    return Invoker.JSON.readTree(out.toByteArray());
  }

  /** The event Lambda's event source mapping makes of one message of the queue. */
  private static String sqsEvent(Message message, String queueUrl) {
    ObjectNode record = Invoker.JSON.createObjectNode();
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    record.set("attributes", Invoker.JSON.valueToTree(message.attributesAsStrings()));
    record.set("messageAttributes", Invoker.JSON.createObjectNode());
    record.put("md5OfBody", message.md5OfBody());
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":"
        + queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
    record.put("awsRegion", "us-east-1");
    ObjectNode event = Invoker.JSON.createObjectNode();
    event.putArray("Records").add(record);
    return event.toString();
  }

  /** The digests the sweep publishes: "rule resourceId" of every finding in them. */
  private static final class Publishes implements ExecutionInterceptor {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof PublishRequest publish) {
        messages.add(publish.message());
      }
    }

    int count() {
      return messages.size();
    }

    List<String> findings() throws Exception {
      List<String> ids = new ArrayList<>();
      for (String message : messages) {
        JsonNode digest = Invoker.JSON.readTree(Invoker.JSON.readTree(message).path("sqs").asText());
        digest.path("evaluations").forEach(e -> ids.add(e.path("rule").asText() + " "
            + e.path("resourceId").asText()));
      }
      return ids;
    }
  }
}
