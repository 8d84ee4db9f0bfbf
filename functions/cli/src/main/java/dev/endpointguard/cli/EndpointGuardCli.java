package dev.endpointguard.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code endpoint-guard} command line: scan an account, invoke a handler in process, run the demo. */
@Command(name = "endpoint-guard", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Keeps AWS VPC endpoints private, available and tight.",
    subcommands = {ScanCommand.class, InvokeCommand.class, DemoCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing NON_COMPLIANT remains",
        "1:runtime error",
        "2:usage error",
        "3:NON_COMPLIANT findings remain"})
public final class EndpointGuardCli implements Runnable {
  public static final int OK = 0;
  public static final int RUNTIME_ERROR = 1;
  public static final int USAGE = 2;
  public static final int NON_COMPLIANT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: scan, invoke or demo");
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

  static String oneLine(Throwable ex) {
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
