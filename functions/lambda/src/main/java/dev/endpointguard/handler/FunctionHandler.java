package dev.endpointguard.handler;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.SettingsException;
import dev.endpointguard.report.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * What every handler does around its own work: Powertools logging context, settings check, AWS errors sorted into
 * "retry" (thrown) and "failed" (answered), one log line per evaluation and per invocation, metrics flushed at the
 * end, the result written as JSON.
 *
 * <p>Invalid settings throw {@link SettingsException} on every invocation rather than answering "failed": Lambda
 * then keeps each event (retries, then the dead-letter queue) until the operator fixes the settings and replays
 * them, where an answer would have dropped them.
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

  /** Decodes the event and does the function's work; AWS errors may escape as {@link SdkException}. */
  abstract HandlerResult handle(InputStream event, Invocation invocation);

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
            runtime.scope(context == null ? null : context.getInvokedFunctionArn()), metrics);
        result = handle(input, invocation);
      } catch (SdkException e) {
        if (AwsErrors.retryable(e)) {
          LOG.error("AWS failed in a way a retry can fix: the event is kept for a retry", entry("function", name),
              entry("outcome", "retry"), entry("awsError", AwsErrors.describe(e)));
          throw new RetryableInvocationException(name + ": " + AwsErrors.describe(e), e);
        }
        result = HandlerResult.failed(name, AwsErrors.describe(e));
      }
      record(result, metrics);
      return result;
    } finally {
      metrics.flush();
    }
  }

  private static void record(HandlerResult result, InvocationMetrics metrics) {
    metrics.record(result.evaluations());
    for (EvaluationResult r : result.evaluations()) {
      LOG.info("evaluation", entry("rule", r.evaluation().rule().id()),
          entry("resource", r.evaluation().resourceId()), entry("status", r.evaluation().status().name()),
          entry("outcome", r.outcome().name()), entry("reason", r.evaluation().reason()));
    }
    switch (result.status()) {
      case REJECTED -> {
        metrics.rejected();
        LOG.warn("event rejected", entry("function", result.function()), entry("outcome", result.status().id()),
            entry("reason", result.reason()));
      }
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
}
