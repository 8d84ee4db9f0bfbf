package dev.endpointguard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock for tests that moves only when told ({@link #advance}) or, when made {@link #stepping}, by a fixed step
 * each time it is read (each question about the time costs that step). Safe to read from several threads.
 */
public final class TestClock extends Clock {
  private final Duration stepPerRead;
  private Instant now;

  private TestClock(Instant start, Duration stepPerRead) {
    this.now = start;
    this.stepPerRead = stepPerRead;
  }

  /** Stands at {@code start} until advanced. */
  public static TestClock at(Instant start) {
    return new TestClock(start, Duration.ZERO);
  }

  /** Starts at {@code start} and moves on {@code step} after each read. */
  public static TestClock stepping(Instant start, Duration step) {
    return new TestClock(start, step);
  }

  /** Moves the clock on by {@code by}. */
  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public synchronized Instant instant() {
    Instant at = now;
    now = now.plus(stepPerRead);
    return at;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
