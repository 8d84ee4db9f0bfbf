package dev.endpointguard.engine;

/**
 * Where a run's outcomes go: an SNS alert topic, AWS Config, Security Hub, the CLI's output, a handler's result. Each
 * sink makes its own one kind of AWS call (or none) and never throws for an AWS error: what it could not deliver comes
 * back in its {@link Delivery}, so one failing sink never keeps the others from their work. A new destination is one
 * class implementing this.
 */
@FunctionalInterface
public interface Sink {
  /** Hands the run's outcomes on. */
  Delivery deliver(Run run);
}
