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
import java.io.OutputStream;
import java.io.PrintStream;
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
  private List<JsonNode> logged = List.of();

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

  /**
   * Invokes the handler with {@code event} and returns its result; the invocation's {@code evaluation} log lines (one
   * per evaluation, the only place a compliant verdict is written) are kept for {@link #logged}.
   */
  JsonNode invoke(Functions function, String event) {
    RequestStreamHandler handler = function.create(runtime);
    Logged run = logging(() -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
          new LocalContext(function.logicalId(), "us-east-1", () -> "123456789012", 300, 512, Clock.systemUTC(),
              System.err));
      return JSON.readTree(out.toByteArray());
    });
    logged = run.evaluations();
    return run.result();
  }

  /** An invocation that returns its result and may fail as a handler does. */
  interface Invocation {
    JsonNode run() throws IOException;
  }

  /**
   * A result with the {@code evaluation} lines its invocation logged (rule, resource, status, outcome, reason: every
   * evaluation, compliant ones included, which the result only counts).
   */
  record Logged(JsonNode result, List<JsonNode> evaluations) {
  }

  /** Runs {@code invocation} with stdout copied aside (the lines still reach stdout) and keeps its evaluation lines. */
  static Logged logging(Invocation invocation) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    // Lambda's log appender writes to System.out as it is when logging (log4j2.xml: follow="true").
    System.setOut(new PrintStream(new TeeOutputStream(stdout, log), true, StandardCharsets.UTF_8));
    try {
      JsonNode result = invocation.run();
      System.out.flush();
      return new Logged(result, evaluationLines(log.toString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setOut(stdout);
    }
  }

  /** The last invocation's {@code evaluation} log line of {@code rule} on {@code resourceId}: status, outcome, reason. */
  JsonNode logged(String rule, String resourceId) {
    return logged.stream()
        .filter(e -> e.path("rule").asText().equals(rule) && e.path("resource").asText().equals(resourceId))
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " evaluation of " + resourceId
            + " logged in " + logged));
  }

  /** The resources the last invocation evaluated, as its log lists them. */
  List<String> loggedResources() {
    return logged.stream().map(e -> e.path("resource").asText()).distinct().sorted().toList();
  }

  /** The finding of {@code rule} on {@code resourceId} in a result: a NON_COMPLIANT evaluation with its plan. */
  static JsonNode evaluation(JsonNode result, String rule, String resourceId) {
    return StreamSupport.stream(result.path("findings").spliterator(), false)
        .filter(e -> e.path("rule").asText().equals(rule) && e.path("resourceId").asText().equals(resourceId))
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " finding of " + resourceId + " in "
            + result));
  }

  /** The resources of a result's findings. */
  static List<String> resources(JsonNode result) {
    return StreamSupport.stream(result.path("findings").spliterator(), false)
        .map(e -> e.path("resourceId").asText()).distinct().sorted().toList();
  }

  private static List<JsonNode> evaluationLines(String log) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : log.split("\n")) {
      if (line.startsWith("{")) {
        try {
          JsonNode node = JSON.readTree(line);
          if ("evaluation".equals(node.path("message").asText())) {
            lines.add(node);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return lines;
  }

  /** Writes to two streams. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeOutputStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }
}
