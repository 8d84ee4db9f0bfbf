package dev.endpointguard.cli;

import dev.endpointguard.report.PlanFile;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code scan --plan-out FILE}: writes the scan's plans as {@code endpoint-guard-plan/1} files ({@link PlanFile},
 * docs/plan-file.md) for {@code apply} to apply after review, and says so on stderr. A plan file holds one account and
 * Region: a scan of one scope writes FILE; a scan of several writes one file per scope that has a plan, named
 * {@code <FILE without .json>.<account>.<region>.json} beside FILE. Each file appears whole or not at all (written
 * beside it, then moved). A file that cannot be written is a runtime error: thrown, so {@code scan} exits 1.
 */
final class PlanFileOutput {

  private final Path file;
  private final Clock clock;
  private final PrintWriter err;
  private final List<String> connection;

  /**
   * @param file       where a one-scope scan's plan goes; a several-scope scan's go beside it
   * @param connection the scan's own {@code --endpoint-url}/{@code --profile} flags, for the apply command it prints
   */
  PlanFileOutput(Path file, Clock clock, PrintWriter err, List<String> connection) {
    this.connection = List.copyOf(connection);
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.err = Objects.requireNonNull(err, "err");
  }

  /**
   * The sink for {@code --plan-out}, if given; refused with {@code --fix}: a plan file is for review before anything
   * is applied.
   *
   * @throws IllegalArgumentException when both are given (a usage error)
   */
  static Optional<PlanFileOutput> forScan(Path planOut, boolean fix, Clock clock, PrintWriter err,
                                          List<String> connection) {
    if (planOut == null) {
      return Optional.empty();
    }
    if (fix) {
      throw new IllegalArgumentException("use --fix or --plan-out, not both: a plan file is reviewed, then applied"
          + " with 'endpoint-guard apply'");
    }
    return Optional.of(new PlanFileOutput(planOut, clock, err, connection));
  }

  /** Writes the plan file(s) of {@code document}: see the class comment for the names. */
  void write(ScanDocument document) {
    List<ScanReport> scopes = document.scopes();
    if (scopes.size() == 1) {
      write(PlanFile.of(scopes.get(0), clock.instant()), file);
      return;
    }
    int written = 0;
    for (ScanReport scope : scopes) {
      PlanFile plan = PlanFile.of(scope, clock.instant());
      if (!plan.changes().isEmpty()) {
        write(plan, perScope(file, scope.account(), scope.region()));
        written++;
      }
    }
    if (written == 0) {
      err.printf("plan: no plans in the %d scopes scanned; nothing written%n", scopes.size());
      err.flush();
    }
  }

  /** {@code plans.json} → {@code plans.111122223333.eu-west-1.json}, beside it. */
  static Path perScope(Path file, String account, String region) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    return file.resolveSibling(stem + "." + account + "." + region + ".json");
  }

  private void write(PlanFile plan, Path target) {
    WholeFile.write(target, plan.toJson(), "plan file");
    String apply = String.join(" ", List.of("bin/endpoint-guard", "apply", target.toString(), "--region",
        plan.region())) + (connection.isEmpty() ? "" : " " + String.join(" ", connection));
    err.printf("plan: %d change%s for %s/%s written to %s (review it, then: %s)%n",
        plan.changes().size(), plan.changes().size() == 1 ? "" : "s", plan.account(), plan.region(), target, apply);
    err.flush();
  }
}
