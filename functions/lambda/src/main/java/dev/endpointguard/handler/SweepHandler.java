package dev.endpointguard.handler;

import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.ScheduleDecoder;
import dev.endpointguard.trigger.Trigger;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * SweepFunction: an EventBridge schedule → every endpoint in the Region, every rule → act per mode → one digest
 * alert → the summary as the result. Catches what events missed (a lost event, a rule turned on later).
 */
public final class SweepHandler extends FunctionHandler {

  public SweepHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public SweepHandler(HandlerRuntime runtime) {
    super(Functions.SWEEP, runtime);
  }

  @Override
  Decoded decode(InputStream event, AccountRegion scope) {
    return new ScheduleDecoder(scope).decode(event);
  }

  @Override
  List<Sink> sinks(Trigger trigger, Invocation invocation) {
    List<Sink> sinks = new ArrayList<>(alerts(AlertSink.Style.DIGEST));
    sinks.addAll(securityHub(false));
    return sinks;
  }
}
