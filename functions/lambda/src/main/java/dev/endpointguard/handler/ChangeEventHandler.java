package dev.endpointguard.handler;

import dev.endpointguard.inventory.Targets;
import dev.endpointguard.trigger.ChangeEvent;
import dev.endpointguard.trigger.CloudTrailDecoder;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Ignored;
import dev.endpointguard.trigger.Rejected;
import java.io.InputStream;
import java.util.List;

/**
 * ChangeEventFunction: an EC2 API call recorded by CloudTrail (EventBridge) → re-read what it touched → evaluate
 * every rule → act per mode → alert. Calls made by this function's own role (our fixes) are ignored.
 */
public final class ChangeEventHandler extends FunctionHandler {
  private final Enforcement enforcement;

  public ChangeEventHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public ChangeEventHandler(HandlerRuntime runtime) {
    super(Functions.CHANGE_EVENT, runtime);
    this.enforcement = new Enforcement(runtime);
  }

  @Override
  HandlerResult handle(InputStream event, Invocation invocation) {
    Decoded decoded = new CloudTrailDecoder(invocation.scope()).decode(event);
    if (decoded instanceof Rejected rejected) {
      return HandlerResult.rejected(invocation.function(), rejected.reason());
    }
    if (decoded instanceof Ignored ignored) {
      return HandlerResult.ignored(invocation.function(), ignored.reason());
    }
    if (!(decoded instanceof ChangeEvent change)) {
      return HandlerResult.rejected(invocation.function(), "not a CloudTrail change event: " + decoded.summary());
    }
    if (change.madeBy(runtime().ownIdentityArn())) {
      return HandlerResult.ignored(invocation.function(), "made by this function's own role (our fix): "
          + change.summary());
    }
    List<Targets> reads = InventoryTargets.of(change.targets());
    if (reads.isEmpty()) {
      return HandlerResult.ignored(invocation.function(), "names nothing to evaluate: " + change.summary());
    }
    return enforcement.run(invocation, reads, invocation.settings(), Enforcement.AlertStyle.PER_FINDING,
        change.summary());
  }
}
