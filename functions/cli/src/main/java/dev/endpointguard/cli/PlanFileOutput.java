package dev.endpointguard.cli;

import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.report.PlanFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code scan --plan-out FILE}: writes the run's plans as an {@code endpoint-guard-plan/1} file
 * ({@link PlanFile}, docs/plan-file.md) for {@code apply} to apply after review, and says so on stderr. One run is one
 * account and Region, so one file; the file appears whole or not at all (written beside it, then moved). A file that
 * cannot be written is a runtime error: thrown, so {@code scan} exits 1.
 */
final class PlanFileOutput implements Sink {
  static final String NAME = "plan-file";

  private final Path file;
  private final Clock clock;
  private final PrintWriter err;

  PlanFileOutput(Path file, Clock clock, PrintWriter err) {
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
  static Optional<Sink> forScan(Path planOut, boolean fix, Clock clock, PrintWriter err) {
    if (planOut == null) {
      return Optional.empty();
    }
    if (fix) {
      throw new IllegalArgumentException("use --fix or --plan-out, not both: a plan file is reviewed, then applied"
          + " with 'endpoint-guard apply'");
    }
    return Optional.of(new PlanFileOutput(planOut, clock, err));
  }

  @Override
  public Delivery deliver(Run run) {
    PlanFile plan = PlanFile.of(run.report(), clock.instant());
    write(plan.toJson());
    err.printf("plan: %d change%s written to %s (review it, then: endpoint-guard apply %s)%n", plan.changes().size(),
        plan.changes().size() == 1 ? "" : "s", file, file);
    err.flush();
    return new Delivery(NAME, plan.changes().size(), 0, 0, List.of());
  }

  private void write(String text) {
    Path absolute = file.toAbsolutePath();
    try {
      Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan file " + file + ": " + e.getMessage(), e);
    }
  }
}
