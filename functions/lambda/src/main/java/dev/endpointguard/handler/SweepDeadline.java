package dev.endpointguard.handler;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether a sweep has time for one more VPC: asked before each VPC, it answers no once the time Lambda leaves the
 * invocation falls under a reserve — a floor for the sinks (the digest alert and the hand-over message, with their
 * SDK retries), plus twice the slowest VPC so far (the time between two questions). The sweep then stops between two
 * VPCs and hands the rest over, rather than being stopped by Lambda in the middle of one.
 * https://docs.aws.amazon.com/lambda/latest/dg/java-context.html
 */
final class SweepDeadline implements BooleanSupplier {
  /** Time kept for the sinks after the last VPC. */
  static final Duration FLOOR = Duration.ofSeconds(60);

  private final LongSupplier remainingMillis;
  private final long floorMillis;
  private long lastAsked = -1;
  private long slowestMillis;

  SweepDeadline(LongSupplier remainingMillis, Duration floor) {
    this.remainingMillis = Objects.requireNonNull(remainingMillis, "remainingMillis");
    this.floorMillis = floor.toMillis();
  }

  @Override
  public boolean getAsBoolean() {
    long remaining = remainingMillis.getAsLong();
    if (lastAsked >= 0) {
      slowestMillis = Math.max(slowestMillis, lastAsked - remaining);
    }
    lastAsked = remaining;
    return remaining >= floorMillis + 2 * slowestMillis;
  }

  /** The reserve the last answer was measured against, in milliseconds. */
  long reserveMillis() {
    return floorMillis + 2 * slowestMillis;
  }
}
