package dev.endpointguard.handler;

import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.inventory.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.Rule;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.trigger.ComplianceChange;
import dev.endpointguard.trigger.ComplianceChangeDecoder;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Ignored;
import dev.endpointguard.trigger.Rejected;
import java.io.InputStream;
import java.util.List;

/**
 * ComplianceRemediationFunction: Config found a resource NON_COMPLIANT with one of our rules → re-evaluate that
 * resource for that rule now (Config's verdict may be stale) → act per the rule's mode → alert.
 */
public final class ComplianceRemediationHandler extends FunctionHandler {
  private final Enforcement enforcement;
  private final RuleRegistry rules = RuleRegistry.standard();

  public ComplianceRemediationHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public ComplianceRemediationHandler(HandlerRuntime runtime) {
    super(Functions.COMPLIANCE_REMEDIATION, runtime);
    this.enforcement = new Enforcement(runtime);
  }

  @Override
  HandlerResult handle(InputStream event, Invocation invocation) {
    Decoded decoded = new ComplianceChangeDecoder(invocation.scope()).decode(event);
    if (decoded instanceof Rejected rejected) {
      return HandlerResult.rejected(invocation.function(), rejected.reason());
    }
    if (decoded instanceof Ignored ignored) {
      return HandlerResult.ignored(invocation.function(), ignored.reason());
    }
    if (!(decoded instanceof ComplianceChange change)) {
      return HandlerResult.rejected(invocation.function(), "not a compliance change: " + decoded.summary());
    }
    Rule rule = rules.get(change.rule());
    if (rule.resourceType() != change.resourceType()) {
      return HandlerResult.rejected(invocation.function(), change.rule().id() + " evaluates "
          + rule.resourceType().configName() + ", not " + change.resourceType().configName());
    }
    Mode mode = invocation.settings().mode(change.rule());
    if (mode == Mode.OFF) {
      return HandlerResult.ignored(invocation.function(), change.rule().id() + " is off: " + change.summary());
    }
    Settings focused = RuleFocus.only(invocation.settings(), change.rule(), mode);
    Targets read = change.resourceType() == ResourceType.VPC ? Targets.vpcs(List.of(change.resourceId()))
        : Targets.endpoints(List.of(change.resourceId()));
    return enforcement.run(invocation, List.of(read), focused, Enforcement.AlertStyle.PER_FINDING,
        change.summary());
  }
}
