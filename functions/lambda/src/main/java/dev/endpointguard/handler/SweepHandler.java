package dev.endpointguard.handler;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.endpointguard.engine.PartialRun;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.ContinuationSink;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.ScheduledSweep;
import dev.endpointguard.trigger.SweepContinuation;
import dev.endpointguard.trigger.SweepDecoder;
import dev.endpointguard.trigger.Trigger;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SweepFunction: an EventBridge schedule → every endpoint in the Region, every rule → act per mode → one digest
 * alert → the summary as the result. Catches what events missed (a lost event, a rule turned on later).
 *
 * <p>A sweep that runs short of time does not lose its work: it acts VPC by VPC, and once the time Lambda leaves
 * it falls under a reserve ({@link SweepDeadline}) it stops between two VPCs, alerts what it did, and hands the VPCs it
 * did not start to the next invocation through the sweep's SQS queue ({@code SWEEP_QUEUE_URL}; {@link
 * ContinuationSink}), whose message invokes this function again with those VPCs ({@link SweepContinuation}). Without
 * a queue it sweeps to the end, as before.
 */
public final class SweepHandler extends FunctionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SweepHandler.class);

  public SweepHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public SweepHandler(HandlerRuntime runtime) {
    super(Functions.SWEEP, runtime);
  }

  @Override
  Decoded decode(InputStream event, AccountRegion scope) {
    return new SweepDecoder(scope).decode(event);
  }

  @Override
  List<Sink> sinks(Trigger trigger, Invocation invocation) {
    List<Sink> sinks = new ArrayList<>(alerts(AlertSink.Style.DIGEST));
    sinks.addAll(securityHub(false));
    return sinks;
  }

  @Override
  Execution execute(Trigger trigger, Invocation invocation) {
    Optional<String> queue = runtime().sweepQueueUrl();
    if (queue.isEmpty()) {
      return super.execute(trigger, invocation);
    }
    SweepDeadline deadline = new SweepDeadline(invocation.remainingMillis(), SweepDeadline.FLOOR);
    PartialRun partial = runtime().pipeline().run(request(trigger, invocation), deadline);
    List<Sink> sinks = new ArrayList<>();
    if (!partial.finished()) {
      String sweepId = trigger instanceof SweepContinuation c ? c.sweepId() : ((ScheduledSweep) trigger).eventId();
      int part = trigger instanceof SweepContinuation c ? c.part() : 1;
      LOG.warn("sweep stopped short of the time limit: the VPCs not started are handed over", entry("sweepId", sweepId),
          entry("part", part), entry("vpcsNotStarted", partial.vpcsNotStarted().size()),
          entry("remainingMillis", invocation.remainingMillis().getAsLong()),
          entry("reserveMillis", deadline.reserveMillis()));
      sinks.add(new ContinuationSink(runtime().clients()::sqs, queue.get(), sweepId, part,
          partial.vpcsNotStarted()));
    }
    sinks.addAll(sinks(trigger, invocation));
    return new Execution(partial.run(), sinks);
  }
}
