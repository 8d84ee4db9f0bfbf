package dev.endpointguard.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.handler.HandlerRuntime;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.LocalAwsExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One SweepFunction invocation at one size (not a test; tools/bench/sweep-scale.sh runs it per size): a fresh local
 * AWS, ENDPOINTS Interface endpoints in ENDPOINTS/100 VPCs seeded by tools/bench/seed_estate.py (mix "sweep": one in
 * ten single-AZ), then the sweep in alert mode, then in remediate mode, and the Config rule function's periodic
 * evaluation of single-az-endpoint. Per invocation: wall time, calls per operation, the largest request body per
 * operation (SNS Publish, SQS SendMessage, Config PutEvaluations), peak heap, the result's size. Figures go to
 * docs/performance.md.
 */
public final class SweepScaleBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";

  public static void main(String[] args) throws Exception {
    int endpoints = Integer.parseInt(args[0]);
    int vpcs = Math.max(1, endpoints / 100);
    Path home = LocalAwsExtension.home();
    try (LocalAws aws = LocalAws.start(home, System.err::println);
         AwsClients clients = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
             .withCredentials(LocalAws.credentials()))) {
      long seeded = System.nanoTime();
      Path python = LocalAws.findPython(home).orElseThrow();
      Process seed = new ProcessBuilder(python.toString(), home.resolve("tools/bench/seed_estate.py").toString(),
          aws.endpoint().toString(), String.valueOf(endpoints), String.valueOf(vpcs), "16", "sweep")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String estate = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (seed.waitFor() != 0) {
        throw new IllegalStateException("seeding failed");
      }
      System.out.printf("size %d endpoints in %d VPCs: seeded in %.0f s: %s%n", endpoints, vpcs,
          (System.nanoTime() - seeded) / 1e9, JSON.readTree(estate).path("problems"));
      String topic = clients.sns().createTopic(b -> b.name("endpoint-guard-alerts")).topicArn();
      String queue = clients.sqs().createQueue(b -> b.queueName("sweep.fifo").attributes(Map.of(
          QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
          .queueUrl();
      String schedule = Files.readString(home.resolve("events/schedule-sweep.json"));
      String configScheduled = Files.readString(home.resolve("events/config-rule-scheduled.json"))
          .replace("vpc-dns-disabled", "single-az-endpoint");
      measure("ConfigRuleFunction periodic single-az-endpoint", endpoints, Functions.CONFIG_RULE, Map.of(), aws,
          configScheduled);
      for (String mode : List.of("alert", "remediate")) {
        Map<String, String> env = new TreeMap<>();
        env.put("ALERT_TOPIC_ARN", topic);
        env.put("SWEEP_QUEUE_URL", queue);
        for (RuleId rule : RuleId.values()) {
          env.put("MODE_" + rule.name(), mode);
        }
        measure("SweepFunction " + mode, endpoints, Functions.SWEEP, env, aws, schedule);
      }
    }
  }

  private static void measure(String what, int endpoints, Functions function, Map<String, String> env, LocalAws aws,
                              String event) throws Exception {
    Calls calls = new Calls();
    HandlerRuntime runtime = HandlerRuntime.create(env, AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
        .withCredentials(LocalAws.credentials()).withRetries(true).withInterceptors(List.of(calls)));
    RequestStreamHandler handler = function.create(runtime);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long started = System.nanoTime();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        new LocalContext(function.logicalId(), "us-east-1", () -> ACCOUNT, 900, 1024, Clock.systemUTC(), quiet));
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    JsonNode result = JSON.readTree(out.toByteArray());
    System.out.printf("  %s: %s in %.1f s (load %.1f); evaluated %d, non-compliant %d, applied %d, failed %d;"
            + " peak heap %d MB (of %d MB); result %d KB; %d calls%n", what, result.path("status").asText(),
        seconds, load, result.at("/summary/evaluated").asInt(), result.at("/summary/nonCompliant").asInt(),
        result.at("/summary/applied").asInt(), result.at("/summary/failed").asInt(), peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20, out.size() >> 10, calls.total());
    System.out.printf("    calls: %s%n", calls.byOperation());
    System.out.printf("    largest request body: %s%n", calls.largest());
    if (result.has("continuation")) {
      System.out.printf("    continuation: %s%n", result.get("continuation"));
    }
    if (!result.path("problems").isEmpty()) {
      System.out.printf("    problems: %d, first %s%n", result.path("problems").size(), result.path("problems").get(0));
    }
  }

  /** Calls per operation and the largest request body per operation, in bytes. */
  private static final class Calls implements ExecutionInterceptor {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> largest = new ConcurrentHashMap<>();

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
      String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      counts.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
      long bytes = context.request() instanceof PublishRequest publish ? snsBytes(publish)
          : context.requestBody().flatMap(b -> b.optionalContentLength()).orElse(0L);
      largest.computeIfAbsent(op, k -> new AtomicLong()).accumulateAndGet(bytes, Math::max);
    }

    /** What SNS counts against its 256 KB limit: the message and each attribute's name, type and value. */
    private static long snsBytes(PublishRequest publish) {
      long bytes = publish.message().getBytes(StandardCharsets.UTF_8).length;
      for (Map.Entry<String, MessageAttributeValue> a : publish.messageAttributes().entrySet()) {
        bytes += a.getKey().length() + a.getValue().dataType().length() + a.getValue().stringValue().length();
      }
      return bytes;
    }

    long total() {
      return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> byOperation() {
      Map<String, Long> sorted = new TreeMap<>();
      counts.forEach((k, v) -> sorted.put(k, v.get()));
      return sorted;
    }

    Map<String, Long> largest() {
      Map<String, Long> sorted = new TreeMap<>();
      largest.forEach((k, v) -> {
        if (!k.startsWith("Ec2") && !k.startsWith("EC2")) {
          sorted.put(k, v.get());
        }
      });
      return sorted;
    }
  }
}
