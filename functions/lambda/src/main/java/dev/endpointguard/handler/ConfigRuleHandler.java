package dev.endpointguard.handler;

import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.Rule;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.rules.Status;
import dev.endpointguard.sink.ConfigEvaluationSink;
import dev.endpointguard.trigger.ConfigRuleEventDecoder;
import dev.endpointguard.trigger.ConfigRuleInvocation;
import dev.endpointguard.trigger.ConfigTarget;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.ResourceNotApplicable;
import dev.endpointguard.trigger.ResourceToEvaluate;
import dev.endpointguard.trigger.Trigger;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ConfigRuleFunction: backs one AWS Config custom rule per rule id. Evaluates only that rule, from current AWS state,
 * and reports the verdicts with PutEvaluations. It never changes AWS: the rule runs in alert mode, every other off.
 * A resource that is gone, out of the rule's scope or of another type gets NOT_APPLICABLE, as Config expects; with
 * {@code SECURITY_HUB=on} those NOT_APPLICABLE verdicts also archive their Security Hub findings.
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_lambda-functions.html
 */
public final class ConfigRuleHandler extends FunctionHandler {
  private final RuleRegistry rules = RuleRegistry.standard();

  public ConfigRuleHandler() {
    this(HandlerRuntime.fromEnvironment());
  }

  public ConfigRuleHandler(HandlerRuntime runtime) {
    super(Functions.CONFIG_RULE, runtime);
  }

  @Override
  Decoded decode(InputStream event, AccountRegion scope) {
    return new ConfigRuleEventDecoder(scope).decode(event);
  }

  /** The rule Config asked about, in alert mode, over what the invocation names (nothing, for a resource gone). */
  @Override
  Request request(Trigger trigger, Invocation invocation) {
    ConfigRuleInvocation config = (ConfigRuleInvocation) trigger;
    Targets targets = mismatch(config).isPresent() ? Targets.none() : config.targets();
    return new Request(targets, invocation.settings().only(config.rule(), Mode.ALERT), invocation.source());
  }

  /** For one resource: only its verdict, or NOT_APPLICABLE with why when there is none. */
  @Override
  Run complete(Trigger trigger, Run run) {
    ConfigRuleInvocation config = (ConfigRuleInvocation) trigger;
    Rule rule = rules.get(config.rule());
    ConfigTarget target = config.target();
    if (target instanceof ResourceNotApplicable gone) {
      return run.with(List.of(notApplicable(rule, gone.resourceType(), gone.resourceId(), gone.reason())));
    }
    if (target instanceof ResourceToEvaluate one) {
      Optional<String> mismatch = mismatch(config);
      if (mismatch.isPresent()) {
        return run.with(List.of(notApplicable(rule, one.resourceType(), one.resourceId(), mismatch.get())));
      }
      List<EvaluationResult> found = run.results().stream()
          .filter(r -> r.evaluation().resourceId().equals(one.resourceId())).toList();
      if (found.isEmpty()) {
        String why = switch (one.resourceType()) {
          case VPC -> "the VPC holds no VPC endpoints (or no longer exists)";
          case VPC_ENDPOINT -> "the endpoint no longer exists";
          case VPC_ENDPOINT_SERVICE -> "the endpoint service no longer exists in this account";
        };
        found = List.of(notApplicable(rule, one.resourceType(), one.resourceId(), why));
      }
      return new Run(run.request(), run.scope(), found, run.problems(), run.retryableFailures());
    }
    return run;
  }

  @Override
  List<Sink> sinks(Trigger trigger, Invocation invocation) {
    ConfigRuleInvocation config = (ConfigRuleInvocation) trigger;
    List<Sink> sinks = new ArrayList<>();
    sinks.add(new ConfigEvaluationSink(runtime().configEvaluations(), config.orderingTimestamp(),
        config.resultToken(), config.testMode()));
    // The verdicts on resources that are gone (deleted, out of scope) archive their Security Hub findings: no other
    // function sees a deleted resource, and finding the open findings would take securityhub:GetFindings.
    sinks.addAll(securityHub(true));
    return sinks;
  }

  /** Why the rule does not apply to the invocation's resource type, if it does not. */
  private Optional<String> mismatch(ConfigRuleInvocation config) {
    Rule rule = rules.get(config.rule());
    if (config.target() instanceof ResourceToEvaluate one && one.resourceType() != rule.resourceType()) {
      return Optional.of(rule.id().id() + " evaluates " + rule.resourceType().configName()
          + " resources, not " + one.resourceType().configName());
    }
    return Optional.empty();
  }

  private static EvaluationResult notApplicable(Rule rule, ResourceType type, String resourceId, String reason) {
    return EvaluationResult.of(new Evaluation(rule.id(), type, resourceId, Evaluation.NO_VPC, Status.NOT_APPLICABLE,
        rule.severity(), reason, List.of()), Outcome.NONE);
  }
}
