package dev.endpointguard.cli;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.ApplyResult;
import dev.endpointguard.engine.PlanApplier;
import dev.endpointguard.engine.Wiring;
import dev.endpointguard.report.PlanFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code apply PLAN_FILE}: applies exactly the changes of a plan file that {@code scan --plan-out} wrote, after
 * checking the file (version, digest), the scope (the credentials' account, the Region in use) and, change by change,
 * that the resource is still in the state the plan saw ({@link PlanApplier}). Refusals come before any write, as one
 * line on stderr with exit 2. Exit codes as {@code scan --fix}: 0 every change applied or already in effect, 3 some
 * were not (skipped, failed, not attempted), 4 the rest held but some resources are gone, 1 a runtime error.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Applies exactly the changes of a plan file written by 'scan --plan-out FILE'.",
        "Refuses (exit 2, nothing written) a file that is not endpoint-guard-plan/1, whose digest does not match its"
            + " content, or that is for another account or Region. Then, change by change in file order: a resource"
            + " gone or changed since the plan is SKIPPED with the difference (ALREADY_IN_EFFECT when the change"
            + " holds anyway); the others are safety-checked on the current state, applied and verified, and their"
            + " rollback commands printed."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every change applied or already in effect",
        "1:runtime error",
        "2:usage error, or the plan file was refused (nothing written)",
        "3:some changes were not applied (skipped, failed or not attempted)",
        "4:every other change held, but some resources of the plan are gone"})
final class ApplyCommand implements Callable<Integer> {
  /** Output formats (its own, so {@code apply} does not depend on how {@code scan} evolves). */
  enum Format { text, json }

  /** A plan file larger than this is not one {@code scan} wrote. */
  static final long MAX_PLAN_BYTES = 64L * 1024 * 1024;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  AwsOptions aws = new AwsOptions();

  @Parameters(index = "0", paramLabel = "PLAN_FILE", description = "The plan file (endpoint-guard-plan/1).")
  Path planFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  Format format;

  @Override
  public Integer call() {
    AwsClients.Target target;
    try {
      target = aws.target(spec.commandLine());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PlanFile plan;
    try {
      plan = PlanFile.parse(read(planFile));
    } catch (IllegalArgumentException e) {
      return refuse(err, planFile + ": " + e.getMessage());
    }
    try (AwsClients clients = new AwsClients(target)) {
      PlanApplier applier = Wiring.planApplier(clients);
      Optional<String> refusal = applier.refusal(plan);
      if (refusal.isPresent()) {
        return refuse(err, planFile + ": " + refusal.get());
      }
      ApplyResult result = applier.apply(plan);
      result.problems().forEach(p -> err.println("endpoint-guard: " + (p.leftOut() ? "not read: " : "incomplete: ")
          + p.resourceId() + ": " + p.problem()));
      err.flush();
      new ApplyOutput(format == Format.json).print(planFile, result, out);
      if (result.remaining() > 0) {
        return EndpointGuardCli.NON_COMPLIANT;
      }
      return result.gone() > 0 ? EndpointGuardCli.NOT_EVALUATED : EndpointGuardCli.OK;
    }
  }

  private static int refuse(PrintWriter err, String why) {
    err.println("endpoint-guard: apply refused, nothing written: " + why);
    err.flush();
    return EndpointGuardCli.USAGE;
  }

  /** The file's text; a file that cannot be read is refused like a bad one. */
  private static String read(Path file) {
    try {
      if (Files.size(file) > MAX_PLAN_BYTES) {
        throw new IllegalArgumentException("larger than " + MAX_PLAN_BYTES / (1024 * 1024) + " MiB: not a plan file");
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8 text: not a plan file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read it: " + e.getMessage());
    }
  }
}
