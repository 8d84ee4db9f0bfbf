package dev.endpointguard.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.handler.HandlerRuntime;
import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.report.ReportJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Lambda handler in process as Lambda would: a runtime built from the given environment, the raw event bytes,
 * a context with function name, request id and remaining time. Used by {@code invoke} and the demo.
 */
public final class LocalInvoker {

  /** What the handler returned (its JSON result) or threw. */
  public record LocalRun(String output, Optional<RuntimeException> thrown) {
    public Optional<JsonNode> result() {
      try {
        return output.isBlank() ? Optional.empty() : Optional.of(ReportJson.MAPPER.readTree(output));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  private LocalInvoker() {
  }

  /**
   * Runs the handler with {@code System.out} pointed at {@code log} for the duration: in Lambda, stdout is the log
   * (JSON log lines, EMF metrics); here stdout carries the handler's result.
   */
  public static synchronized LocalRun invoke(Functions function, Map<String, String> environment, AwsClients.Target target,
                                  byte[] event, int timeoutSeconds, PrintStream log) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("AWS_REGION", target.region().id());
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(log);
    HandlerRuntime runtime = HandlerRuntime.create(env, target);
    try {
      RequestStreamHandler handler = function.create(runtime);
      // As in Lambda, the context's ARN names the account the function acts in (here: the one its keys belong to).
      Inventory inventory = runtime.inventory();
      LocalContext context = new LocalContext(function.logicalId(), target.region().id(), inventory::accountId,
          timeoutSeconds, 1024, Clock.systemUTC(), log);
      handler.handleRequest(new ByteArrayInputStream(event), output, context);
      return new LocalRun(output.toString(StandardCharsets.UTF_8), Optional.empty());
    } catch (IOException e) {
      return new LocalRun(output.toString(StandardCharsets.UTF_8),
          Optional.of(new java.io.UncheckedIOException(e)));
    } catch (RuntimeException e) {
      return new LocalRun(output.toString(StandardCharsets.UTF_8), Optional.of(e));
    } finally {
      runtime.clients().close();
      System.setOut(stdout);
    }
  }
}
