package dev.endpointguard.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the executor waits for a written change to show before calling it "applied but not in effect": EC2 reads are
 * eventually consistent, so a read right after an accepted write may still show the old state. After each write the
 * executor re-reads at once; a change that does not show yet is read again after each of {@code waits} in turn, and
 * only what still does not show after the last one is FAILED. Nothing is written again while waiting.
 *
 * <p>AWS's advice is to re-read with exponential backoff starting from a couple of seconds
 * (https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html); {@link #standard()} waits 1, 2 and 4
 * seconds, at most 7 s per plan and only when a change does not show.
 */
public record Settling(List<Duration> waits, Sleeper sleeper) {

  /** Waits for a duration; the standard one sleeps the thread. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public Settling {
    waits = List.copyOf(waits);
    waits.forEach(w -> {
      if (w.isNegative()) {
        throw new IllegalArgumentException("negative wait: " + w);
      }
    });
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** Waits 1, 2 and 4 seconds. */
  public static Settling standard() {
    return new Settling(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
        d -> Thread.sleep(d.toMillis()));
  }
}
