package dev.endpointguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

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

  /**
   * Runs a command line as a shell would run {@code NAME=value ... bin/endpoint-guard ARGS}: the leading assignments
   * are the environment {@code invoke} passes to the function (on top of none other).
   */
  public static Cli runShellLine(String line) {
    List<String> words = List.of(line.strip().split(" +"));
    Map<String, String> environment = new HashMap<>();
    int i = 0;
    while (i < words.size() && words.get(i).matches("[A-Z_]+=.*")) {
      String[] pair = words.get(i).split("=", 2);
      environment.put(pair[0], pair[1]);
      i++;
    }
    if (i >= words.size() || !words.get(i).equals("bin/endpoint-guard")) {
      throw new IllegalArgumentException("not an endpoint-guard command line: " + line);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = EndpointGuardCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    ((InvokeCommand) cl.getSubcommands().get("invoke").getCommand()).environment = environment;
    int exit = cl.execute(words.subList(i + 1, words.size()).toArray(String[]::new));
    return new Cli(exit, out.toString(), err.toString());
  }
}
