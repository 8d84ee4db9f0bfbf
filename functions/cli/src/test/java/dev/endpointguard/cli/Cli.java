package dev.endpointguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One run of the {@code endpoint-guard} command line in process, as the tests make it: its exit code, and what it
 * wrote on stdout and stderr.
 */
public record Cli(int exit, String out, String err) {

  /** Runs the command line with {@code args}. */
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = EndpointGuardCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  /** Runs the command line with {@code args}. */
  public static Cli run(List<String> args) {
    return run(args.toArray(String[]::new));
  }
}
