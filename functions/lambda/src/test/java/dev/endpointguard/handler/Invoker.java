package dev.endpointguard.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

/** Builds real handlers over the local AWS, counting their calls, and invokes them as Lambda would. */
final class Invoker {
  static final ObjectMapper JSON = new ObjectMapper();

  final WriteCounter counter = new WriteCounter();
  private final HandlerRuntime runtime;

  Invoker(LocalAws aws, Map<String, String> env, ExecutionInterceptor... more) {
    List<ExecutionInterceptor> interceptors = new ArrayList<>(List.of(more));
    interceptors.add(0, counter);
    this.runtime = HandlerRuntime.create(env, AwsClients.Target.local(Region.US_EAST_1, aws.endpoint())
        .withRetries(false).withInterceptors(interceptors));
  }

  Invoker(LocalAws aws) {
    this(aws, Map.of());
  }

  HandlerRuntime runtime() {
    return runtime;
  }

  JsonNode invoke(Functions function, String event) {
    RequestStreamHandler handler = function.create(runtime);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
          new LocalContext(function.logicalId(), "us-east-1", () -> "123456789012", 300, 512, Clock.systemUTC(),
              System.err));
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The evaluation of {@code rule} on {@code resourceId} in a result. */
  static JsonNode evaluation(JsonNode result, String rule, String resourceId) {
    return StreamSupport.stream(result.path("evaluations").spliterator(), false)
        .filter(e -> e.path("rule").asText().equals(rule) && e.path("resourceId").asText().equals(resourceId))
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " evaluation of " + resourceId + " in "
            + result));
  }

  static List<String> resources(JsonNode result) {
    return StreamSupport.stream(result.path("evaluations").spliterator(), false)
        .map(e -> e.path("resourceId").asText()).distinct().sorted().toList();
  }
}
