package dev.endpointguard.handler;

import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.trigger.ChangeEvent;
import dev.endpointguard.trigger.CloudTrailDecoder;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Trigger;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ChangeEventFunction: an EC2 API call recorded by CloudTrail (EventBridge) → re-read what it touched → evaluate
 * every rule → act per mode → alert. Calls made by this function's own role (our fixes) are ignored.
 */
public final class ChangeEventHandler extends FunctionHandler {

  public ChangeEventHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public ChangeEventHandler(HandlerRuntime runtime) {
    super(Functions.CHANGE_EVENT, runtime);
  }

  @Override
  Decoded decode(InputStream event, AccountRegion scope) {
    return new CloudTrailDecoder(scope).decode(event);
  }

  @Override
  Optional<HandlerResult> screen(Trigger trigger, Invocation invocation) {
    ChangeEvent change = (ChangeEvent) trigger;
    if (change.targets().isEmpty()) {
      return Optional.of(HandlerResult.ignored(invocation.function(), "names nothing to evaluate: "
          + change.summary()));
    }
    if (change.madeBy(runtime().ownIdentityArn())) {
      return Optional.of(HandlerResult.ignored(invocation.function(), "made by this function's own role (our fix): "
          + change.summary()));
    }
    return Optional.empty();
  }

  @Override
  List<Sink> sinks(Trigger trigger, Invocation invocation) {
    List<Sink> sinks = new ArrayList<>(alerts(AlertSink.Style.PER_FINDING));
    sinks.addAll(securityHub(false));
    return sinks;
  }
}
