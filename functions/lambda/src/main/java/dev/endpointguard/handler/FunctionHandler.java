package dev.endpointguard.handler;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.SettingsException;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Ignored;
import dev.endpointguard.trigger.Rejected;
import dev.endpointguard.trigger.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The one path of every handler, in one direction: decode the event (the function's decoder) → the trigger's targets
 * and settings ({@link #request}) → the pipeline (evaluate, decide, apply) → the sinks ({@link #sinks}) → the result.
 * Around it: Powertools logging, the settings check, AWS errors sorted into "retry" (thrown) and "failed" (answered),
 * one log line per evaluation and per invocation, metrics flushed at the end, the result written as JSON.
 *
 * <p>Invalid settings throw {@link SettingsException} on every invocation rather than answering "failed": Lambda
 * then keeps each event (retries, then the dead-letter queue) until the operator fixes the settings and replays
 * them, where an answer would have dropped them. A run with a change that failed in a way a retry can fix throws
 * {@link RetryableInvocationException} after its sinks ran (so applied changes are alerted once, and the retry finds
 * them done).
 *
 * <p>Public, though only this package extends it: for a handler string {@code Class::handleRequest} the Lambda runtime
 * invokes the method found by reflection, whose declaring class is this one, and reflection refuses a method of a
 * class it cannot access.
 */
public abstract class FunctionHandler implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionHandler.class);
  private static final String LOCAL_REQUEST = "local";

  private final Functions function;
  private final HandlerRuntime runtime;

  FunctionHandler(Functions function, HandlerRuntime runtime) {
    this.function = Objects.requireNonNull(function, "function");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  /** The function's decoder over the account and Region it serves: every input ends in one {@link Decoded}. */
  abstract Decoded decode(InputStream event, AccountRegion scope);

  /** Why the trigger needs no run (our own fix, a rule that is off), or why it is refused; empty to run it. */
  Optional<HandlerResult> screen(Trigger trigger, Invocation invocation) {
    return Optional.empty();
  }

  /** The run the trigger asks for: by default its targets, with every rule in its configured mode. */
  Request request(Trigger trigger, Invocation invocation) {
    return new Request(trigger.targets(), invocation.settings(), invocation.source());
  }

  /** The run as the sinks should see it (a Config rule adds its verdicts on resources that are gone). */
  Run complete(Trigger trigger, Run run) {
    return run;
  }

  /** Where the run's outcomes go. */
  abstract List<Sink> sinks(Trigger trigger, Invocation invocation);

  /**
   * The run the trigger asks for and the sinks it goes to: by default the pipeline over {@link #request}, completed
   * ({@link #complete}), to {@link #sinks}. The sweep runs VPC by VPC against the time left instead.
   */
  Execution execute(Trigger trigger, Invocation invocation) {
    return new Execution(complete(trigger, runtime.pipeline().run(request(trigger, invocation))),
        sinks(trigger, invocation));
  }

  /** A run and the sinks, in order, that it is handed to. */
  record Execution(Run run, List<Sink> sinks) {
    Execution {
      Objects.requireNonNull(run, "run");
      sinks = List.copyOf(sinks);
    }
  }

  HandlerRuntime runtime() {
    return runtime;
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    HandlerResult result = PowertoolsLogging.withLogging(context, () -> invoke(input, context));
    output.write(ResultJson.toJson(result).getBytes(StandardCharsets.UTF_8));
    output.flush();
  }

  private HandlerResult invoke(InputStream input, Context context) {
    String name = function.logicalId();
    InvocationMetrics metrics = new InvocationMetrics(runtime.metrics());
    try {
      Settings settings;
      try {
        settings = runtime.settings();
      } catch (SettingsException e) {
        LOG.error("invalid settings: the event is kept for a retry", entry("function", name),
            entry("outcome", "invalid-settings"), entry("problems", e.problems()));
        throw e;
      }
      HandlerResult result;
      try {
        Invocation invocation = new Invocation(name, requestId(context), settings,
            runtime.scope(context == null ? null : context.getInvokedFunctionArn()), metrics,
            context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis());
        result = handle(input, invocation);
      } catch (SdkException e) {
        if (AwsErrors.retryable(e)) {
          LOG.error("AWS failed in a way a retry can fix: the event is kept for a retry", entry("function", name),
              entry("outcome", "retry"), entry("awsError", AwsErrors.describe(e)));
          throw new RetryableInvocationException(name + ": " + AwsErrors.describe(e), e);
        }
        result = HandlerResult.failed(name, AwsErrors.describe(e));
      }
      log(result);
      return result;
    } finally {
      metrics.flush();
    }
  }

  private HandlerResult handle(InputStream event, Invocation invocation) {
    Decoded decoded = decode(event, invocation.scope());
    if (decoded instanceof Rejected rejected) {
      invocation.metrics().rejected();
      return HandlerResult.rejected(invocation.function(), rejected.reason());
    }
    if (decoded instanceof Ignored ignored) {
      return HandlerResult.ignored(invocation.function(), ignored.reason());
    }
    Trigger trigger = (Trigger) decoded;
    Optional<HandlerResult> screened = screen(trigger, invocation);
    if (screened.isPresent()) {
      if (screened.get().status() == InvocationStatus.REJECTED) {
        invocation.metrics().rejected();
      }
      return screened.get();
    }
    Execution execution = execute(trigger, invocation);
    Run run = execution.run();
    List<Delivery> deliveries = new ArrayList<>();
    for (Sink sink : execution.sinks()) {
      deliveries.add(sink.deliver(run));
    }
    invocation.metrics().record(run.results(), deliveries);
    if (run.retryable()) {
      throw new RetryableInvocationException(invocation.function() + ": " + run.retryableFailures().size()
          + " change(s) failed in a way a retry can fix: " + String.join("; ", run.retryableFailures()));
    }
    return HandlerResult.done(invocation.function(), trigger.summary(), run, deliveries);
  }

  private static void log(HandlerResult result) {
    for (EvaluationResult r : result.evaluations()) {
      LOG.info("evaluation", entry("rule", r.evaluation().rule().id()),
          entry("resource", r.evaluation().resourceId()), entry("status", r.evaluation().status().name()),
          entry("outcome", r.outcome().name()), entry("reason", r.evaluation().reason()));
    }
    switch (result.status()) {
      case REJECTED -> LOG.warn("event rejected", entry("function", result.function()),
          entry("outcome", result.status().id()), entry("reason", result.reason()));
      case FAILED -> LOG.error("invocation failed", entry("function", result.function()),
          entry("outcome", result.status().id()), entry("reason", result.reason()));
      default -> LOG.info("invocation finished", entry("function", result.function()),
          entry("outcome", result.status().id()), entry("reason", result.reason()),
          entry("evaluated", result.evaluations().size()), entry("problems", result.problems()));
    }
  }

  private static String requestId(Context context) {
    return context == null || context.getAwsRequestId() == null ? LOCAL_REQUEST : context.getAwsRequestId();
  }

  /** The Security Hub sink, when it is on (all of the run's evaluations, or only the NOT_APPLICABLE ones). */
  List<Sink> securityHub(boolean notApplicableOnly) {
    return runtime.securityHub(notApplicableOnly).<List<Sink>>map(List::of).orElse(List.of());
  }

  /** The alert sink of the runtime's topic, if one is set. */
  List<Sink> alerts(AlertSink.Style style) {
    return runtime.alerts().<List<Sink>>map(publisher -> List.of(new AlertSink(publisher,
        style))).orElse(List.of());
  }
}
