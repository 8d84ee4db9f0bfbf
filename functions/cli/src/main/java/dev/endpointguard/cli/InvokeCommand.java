package dev.endpointguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.local.LocalInvoker;
import dev.endpointguard.report.ReportJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoke FUNCTION --event FILE}: runs the handler whose logical id in template.yaml is FUNCTION, in process,
 * with that event, as Lambda would (a context with function name, request id and remaining time), and prints its
 * result. Settings come from the environment, as in Lambda ({@code MODE_SINGLE_AZ_ENDPOINT=remediate} ...).
 */
@Command(name = "invoke", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Runs one of the Lambda handlers in process with an event file, as Lambda would.",
        "FUNCTION is the logical id of a function in template.yaml (listed under FUNCTION below)."})
final class InvokeCommand implements Callable<Integer> {
  private static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  AwsOptions aws = new AwsOptions();

  @Parameters(index = "0", paramLabel = "FUNCTION", completionCandidates = FunctionIds.class,
      description = "Logical id of the function: ${COMPLETION-CANDIDATES}.")
  String function;

  @Option(names = "--event", required = true, paramLabel = "FILE", description = "The event, as JSON (- for stdin).")
  String event;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "Remaining time the context reports at the start (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  /** The function's settings, as Lambda would pass them: the process environment (tests pass their own). */
  Map<String, String> environment = System.getenv();

  static final class FunctionIds extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FunctionIds() {
      for (Functions f : Functions.values()) {
        add(f.logicalId());
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    Functions fn;
    byte[] input;
    AwsClients.Target target;
    try {
      fn = Functions.byLogicalId(function);
      input = readEvent();
      aws.requireOneRegion();
      target = aws.target(spec.commandLine());
      if (timeoutSeconds < 1 || timeoutSeconds > 900) {
        throw new IllegalArgumentException("--timeout must be 1 to 900 seconds (Lambda's limit)");
      }
      // Invalid settings are the caller's to fix, like a bad flag: say so before any AWS client is built.
      Settings.fromEnvironment(environment);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    LocalInvoker.LocalRun run = LocalInvoker.invoke(fn, environment, target, input, timeoutSeconds,
        new PrintStream(System.err, true, StandardCharsets.UTF_8));
    if (run.thrown().isPresent()) {
      RuntimeException e = run.thrown().get();
      err.println("endpoint-guard: " + fn.logicalId() + " threw " + e.getClass().getSimpleName() + ": "
          + EndpointGuardCli.oneLine(e));
      return EndpointGuardCli.RUNTIME_ERROR;
    }
    String result = run.output();
    PrintWriter out = spec.commandLine().getOut();
    JsonNode node = parse(result);
    out.println(node == null ? result : ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    out.flush();
    String status = node == null ? "" : node.path("status").asText();
    if ("rejected".equals(status) || "failed".equals(status)) {
      err.println("endpoint-guard: " + fn.logicalId() + " " + status + " the event: " + node.path("reason").asText());
      return EndpointGuardCli.RUNTIME_ERROR;
    }
    return EndpointGuardCli.OK;
  }

  private byte[] readEvent() {
    try {
      byte[] bytes = "-".equals(event) ? System.in.readNBytes(MAX_EVENT_BYTES + 1)
          : Files.readAllBytes(Path.of(event));
      if (bytes.length > MAX_EVENT_BYTES) {
        throw new IllegalArgumentException("--event " + event + " is larger than Lambda's 6 MB payload limit");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--event " + event + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("--event " + event + ": " + e.getMessage());
    }
  }

  private static JsonNode parse(String json) {
    try {
      return ReportJson.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
