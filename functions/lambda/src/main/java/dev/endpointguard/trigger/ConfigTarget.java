package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
/** What a Config rule invocation asks to be evaluated. */
public sealed interface ConfigTarget permits ResourceToEvaluate, ResourceNotApplicable, EveryResourceInScope {

  Targets targets();
}
