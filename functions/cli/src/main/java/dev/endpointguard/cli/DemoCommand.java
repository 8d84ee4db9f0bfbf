package dev.endpointguard.cli;

import dev.endpointguard.demo.DemoConsole;
import dev.endpointguard.demo.DemoRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole system against an embedded local AWS, through the real Lambda handlers. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Runs the whole system on an embedded local AWS (moto), through the real Lambda handlers:",
        "a sweep in alert mode, a change fixed as it happens, AWS Config evaluations, a sweep that fixes what is",
        "safe, and the alerts as subscribers receive them. Needs no AWS account."})
final class DemoCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--keep", description = "Leave the local AWS running and print how to point the CLI at it.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    DemoConsole console = new DemoConsole(spec.commandLine().getOut(), Terminal.colour(), DemoRunner.STEPS);
    return new DemoRunner(console, keep).run().success() ? EndpointGuardCli.OK : EndpointGuardCli.RUNTIME_ERROR;
  }
}
