package dev.endpointguard.handler;

import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.rules.Rule;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.trigger.ComplianceChange;
import dev.endpointguard.trigger.ComplianceChangeDecoder;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Trigger;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ComplianceRemediationFunction: Config found a resource NON_COMPLIANT with one of our rules → re-evaluate that
 * resource for that rule now (Config's verdict may be stale) → act per the rule's mode → alert.
 */
public final class ComplianceRemediationHandler extends FunctionHandler {
  private final RuleRegistry rules = RuleRegistry.standard();

  public ComplianceRemediationHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public ComplianceRemediationHandler(HandlerRuntime runtime) {
    super(Functions.COMPLIANCE_REMEDIATION, runtime);
  }

  @Override
  Decoded decode(InputStream event, AccountRegion scope) {
    return new ComplianceChangeDecoder(scope).decode(event);
  }

  @Override
  Optional<HandlerResult> screen(Trigger trigger, Invocation invocation) {
    ComplianceChange change = (ComplianceChange) trigger;
    Rule rule = rules.get(change.rule());
    if (rule.resourceType() != change.resourceType()) {
      return Optional.of(HandlerResult.rejected(invocation.function(), change.rule().id() + " evaluates "
          + rule.resourceType().configName() + ", not " + change.resourceType().configName()));
    }
    if (invocation.settings().mode(change.rule()) == Mode.OFF) {
      return Optional.of(HandlerResult.ignored(invocation.function(), change.rule().id() + " is off: "
          + change.summary()));
    }
    return Optional.empty();
  }

  /** Only the rule Config named, in its configured mode. */
  @Override
  Request request(Trigger trigger, Invocation invocation) {
    ComplianceChange change = (ComplianceChange) trigger;
    return new Request(change.targets(), invocation.settings().only(change.rule(),
        invocation.settings().mode(change.rule())), invocation.source());
  }

  @Override
  List<Sink> sinks(Trigger trigger, Invocation invocation) {
    List<Sink> sinks = new ArrayList<>(alerts(AlertSink.Style.PER_FINDING));
    sinks.addAll(securityHub(false));
    return sinks;
  }
}
