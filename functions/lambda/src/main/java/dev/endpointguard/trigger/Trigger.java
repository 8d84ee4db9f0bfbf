package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
/** Work a trigger asks for: what to evaluate, and where the event came from. */
public sealed interface Trigger extends Decoded
    permits ChangeEvent, ConfigRuleInvocation, ComplianceChange, ScheduledSweep, SweepContinuation {

  /** The resources to read and evaluate. */
  Targets targets();
}
