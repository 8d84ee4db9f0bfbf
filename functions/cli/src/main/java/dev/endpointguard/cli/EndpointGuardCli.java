package dev.endpointguard.cli;

import dev.endpointguard.aws.AwsErrors;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code endpoint-guard} command line: scan an account, apply a reviewed plan file, invoke a handler in process,
 * run the demo.
 */
@Command(name = "endpoint-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Keeps AWS VPC endpoints private, available and tight.",
    subcommands = {ScanCommand.class, ApplyCommand.class, InvokeCommand.class, DemoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing NON_COMPLIANT remains and everything in scope was evaluated",
        "1:runtime error",
        "2:usage error",
        "3:NON_COMPLIANT findings remain",
        "4:nothing NON_COMPLIANT remains, but something in scope could not be evaluated (apply: a resource is gone)"})
public final class EndpointGuardCli implements Runnable {
  public static final int OK = 0;
  public static final int RUNTIME_ERROR = 1;
  public static final int USAGE = 2;
  public static final int NON_COMPLIANT = 3;
  /** Nothing NON_COMPLIANT remains, but a resource, Region or account in scope could not be evaluated. */
  public static final int NOT_EVALUATED = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: scan, apply, invoke or demo");
  }

  /** Builds the command line with the exit-code mapping: usage errors 2, runtime errors 1, one line each. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new EndpointGuardCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("endpoint-guard: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help' for the options.");
      return USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("endpoint-guard: " + oneLine(ex));
      return RUNTIME_ERROR;
    });
    return cl;
  }

  /**
   * One line for a runtime error. The SDK's "no credentials" message lists every provider it tried (over a thousand
   * characters); it becomes what to do instead. Other AWS errors read as their error code and message.
   */
  static String oneLine(Throwable ex) {
    if (ex instanceof SdkClientException && ex.getMessage() != null
        && ex.getMessage().startsWith("Unable to load credentials")) {
      return "no AWS credentials found: run 'aws configure' or 'aws sso login', set AWS_PROFILE or"
          + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --profile";
    }
    if (ex instanceof SdkException sdk && !(ex instanceof SdkClientException)) {
      return "AWS refused a call: " + AwsErrors.describe(sdk);
    }
    String m = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }

  public static void main(String[] args) {
    useCliLogging();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(commandLine(out, err).execute(args));
  }

  /** Before any logger exists: the CLI logs warnings to stderr; stdout carries only results. */
  static void useCliLogging() {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
    }
  }
}
