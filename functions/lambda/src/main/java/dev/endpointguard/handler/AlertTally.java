package dev.endpointguard.handler;

/** Alerts an invocation published to the topic, and those SNS did not take. */
public record AlertTally(int published, int failed) {
  public static AlertTally none() {
    return new AlertTally(0, 0);
  }
}
