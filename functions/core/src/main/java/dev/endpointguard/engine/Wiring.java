package dev.endpointguard.engine;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.inventory.AwsLiveState;
import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.plan.Executor;
import dev.endpointguard.plan.SafetyCheck;
import dev.endpointguard.rules.RuleRegistry;
import java.time.Clock;

/** Puts the engine together over one set of clients: the inventory reads, the executor writes. */
public final class Wiring {
  private Wiring() {
  }

  /** The pipeline over {@code clients}, with the standard rules and the system clock. */
  public static Pipeline pipeline(AwsClients clients) {
    return pipeline(new Inventory(clients), clients, Clock.systemUTC());
  }

  /** Over an inventory the caller keeps too (a handler asks it for the account and its own identity). */
  public static Pipeline pipeline(Inventory inventory, AwsClients clients, Clock clock) {
    Executor executor = new Executor(clients.ec2(), new AwsLiveState(clients.ec2()));
    return new Pipeline(inventory, executor, RuleRegistry.standard(), clock);
  }

  /** What applies a plan file over {@code clients}: the inventory reads, the executor writes, the standard check. */
  public static PlanApplier planApplier(AwsClients clients) {
    AwsLiveState live = new AwsLiveState(clients.ec2());
    return new PlanApplier(new Inventory(clients), new Executor(clients.ec2(), live), live, SafetyCheck.standard());
  }
}
