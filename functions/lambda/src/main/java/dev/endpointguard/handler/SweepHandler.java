package dev.endpointguard.handler;

import dev.endpointguard.inventory.Targets;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Ignored;
import dev.endpointguard.trigger.Rejected;
import dev.endpointguard.trigger.ScheduleDecoder;
import dev.endpointguard.trigger.ScheduledSweep;
import java.io.InputStream;
import java.util.List;

/**
 * SweepFunction: an EventBridge schedule → every endpoint in the region, every rule → act per mode → one digest
 * alert → the summary as the result. Catches what events missed (a lost event, a rule turned on later).
 */
public final class SweepHandler extends FunctionHandler {
  private final Enforcement enforcement;

  public SweepHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public SweepHandler(HandlerRuntime runtime) {
    super(Functions.SWEEP, runtime);
    this.enforcement = new Enforcement(runtime);
  }

  @Override
  HandlerResult handle(InputStream event, Invocation invocation) {
    Decoded decoded = new ScheduleDecoder(invocation.scope()).decode(event);
    if (decoded instanceof Rejected rejected) {
      return HandlerResult.rejected(invocation.function(), rejected.reason());
    }
    if (decoded instanceof Ignored ignored) {
      return HandlerResult.ignored(invocation.function(), ignored.reason());
    }
    if (!(decoded instanceof ScheduledSweep sweep)) {
      return HandlerResult.rejected(invocation.function(), "not a scheduled event: " + decoded.summary());
    }
    return enforcement.run(invocation, List.of(Targets.all()), invocation.settings(),
        Enforcement.AlertStyle.DIGEST, sweep.summary());
  }
}
