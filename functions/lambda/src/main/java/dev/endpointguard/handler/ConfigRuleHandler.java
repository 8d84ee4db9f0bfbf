package dev.endpointguard.handler;

import dev.endpointguard.engine.Guard;
import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.inventory.Targets;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.Rule;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.rules.Status;
import dev.endpointguard.trigger.ConfigRuleEventDecoder;
import dev.endpointguard.trigger.ConfigRuleInvocation;
import dev.endpointguard.trigger.ConfigTarget;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.Ignored;
import dev.endpointguard.trigger.Rejected;
import dev.endpointguard.trigger.ResourceNotApplicable;
import dev.endpointguard.trigger.ResourceToEvaluate;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * ConfigRuleFunction: backs one AWS Config custom rule per rule id. Evaluates only that rule, from current AWS state,
 * and reports the verdicts with PutEvaluations. It never changes AWS: the rule runs in alert mode, every other off.
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
  HandlerResult handle(InputStream event, Invocation invocation) {
    Decoded decoded = new ConfigRuleEventDecoder(invocation.scope()).decode(event);
    if (decoded instanceof Rejected rejected) {
      return HandlerResult.rejected(invocation.function(), rejected.reason());
    }
    if (decoded instanceof Ignored ignored) {
      return HandlerResult.ignored(invocation.function(), ignored.reason());
    }
    if (!(decoded instanceof ConfigRuleInvocation config)) {
      return HandlerResult.rejected(invocation.function(), "not a Config rule invocation: " + decoded.summary());
    }
    Rule rule = rules.get(config.rule());
    List<String> problems = new ArrayList<>();
    List<EvaluationResult> results = evaluate(config, rule, RuleFocus.only(invocation.settings(), rule.id(),
        Mode.ALERT), problems);
    ConfigEvaluationWriter.Sent sent = runtime().configEvaluations().put(
        results.stream().map(EvaluationResult::evaluation).toList(), config.orderingTimestamp(),
        config.resultToken(), config.testMode());
    problems.addAll(sent.failures());
    return new HandlerResult(InvocationStatus.DONE, invocation.function(), config.summary(), results,
        AlertTally.none(), OptionalInt.of(sent.evaluations()), problems);
  }

  private List<EvaluationResult> evaluate(ConfigRuleInvocation config, Rule rule, Settings alertOnly,
                                          List<String> problems) {
    ConfigTarget target = config.target();
    if (target instanceof ResourceNotApplicable gone) {
      return List.of(notApplicable(rule, gone.resourceType(), gone.resourceId(), gone.reason()));
    }
    if (target instanceof ResourceToEvaluate one) {
      if (one.resourceType() != rule.resourceType()) {
        return List.of(notApplicable(rule, one.resourceType(), one.resourceId(), rule.id().id() + " evaluates "
            + rule.resourceType().configName() + " resources, not " + one.resourceType().configName()));
      }
      Targets read = one.resourceType() == ResourceType.VPC ? Targets.vpcs(List.of(one.resourceId()))
          : Targets.endpoints(List.of(one.resourceId()));
      List<EvaluationResult> found = run(read, alertOnly, problems).stream()
          .filter(r -> r.evaluation().resourceId().equals(one.resourceId())).toList();
      if (found.isEmpty()) {
        String why = one.resourceType() == ResourceType.VPC
            ? "the VPC holds no VPC endpoints (or no longer exists)" : "the endpoint no longer exists";
        return List.of(notApplicable(rule, one.resourceType(), one.resourceId(), why));
      }
      return found;
    }
    return run(Targets.all(), alertOnly, problems);
  }

  private List<EvaluationResult> run(Targets read, Settings alertOnly, List<String> problems) {
    Guard.Run run = runtime().guard().run(read, alertOnly);
    run.problems().stream().map(InventoryProblem::toString).forEach(problems::add);
    return run.report().results();
  }

  private static EvaluationResult notApplicable(Rule rule, ResourceType type, String resourceId, String reason) {
    Evaluation e = new Evaluation(rule.id(), type, resourceId, "", Status.NOT_APPLICABLE, rule.severity(), reason,
        List.of());
    return EvaluationResult.of(e, Outcome.NONE);
  }
}
