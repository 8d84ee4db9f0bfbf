package dev.endpointguard.localaws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** The Lambda context an in-process invocation gets: function name, request id, remaining time, a logger. */
public final class LocalContext implements Context {
  private final String functionName;
  private final String region;
  private final Supplier<String> account;
  private final String requestId = UUID.randomUUID().toString();
  private final Instant deadline;
  private final Clock clock;
  private final int memoryMb;
  private final PrintStream log;

  /** With the account read when the handler asks for the function's ARN (so a failure to read it is the handler's). */
  public LocalContext(String functionName, String region, Supplier<String> account, int timeoutSeconds, int memoryMb,
                      Clock clock, PrintStream log) {
    this.functionName = functionName;
    this.region = region;
    this.account = account;
    this.clock = clock;
    this.deadline = clock.instant().plusSeconds(timeoutSeconds);
    this.memoryMb = memoryMb;
    this.log = log;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + region + ":" + account.get() + ":function:" + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.print(message);
      }

      @Override
      public void log(byte[] message) {
        log.print(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
