package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.RuleId;
import java.time.Instant;
import java.util.Objects;

/**
 * An AWS Config custom rule invocation for one of our rules: what to evaluate, and what PutEvaluations needs
 * (result token, ordering timestamp).
 * https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_lambda-functions.html
 */
public record ConfigRuleInvocation(RuleId rule, String configRuleName, ConfigMessageType messageType,
                                   String resultToken, Instant orderingTimestamp, ConfigTarget target)
    implements Trigger {
  /** The result token of a rule run from the console's test or by moto: PutEvaluations must set TestMode. */
  public static final String TEST_MODE_TOKEN = "TESTMODE";

  public ConfigRuleInvocation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(configRuleName, "configRuleName");
    Objects.requireNonNull(messageType, "messageType");
    Objects.requireNonNull(resultToken, "resultToken");
    Objects.requireNonNull(orderingTimestamp, "orderingTimestamp");
    Objects.requireNonNull(target, "target");
  }

  public boolean testMode() {
    return TEST_MODE_TOKEN.equals(resultToken);
  }

  @Override
  public Targets targets() {
    return target.targets();
  }

  @Override
  public String summary() {
    return messageType.awsName() + " for " + configRuleName + " (" + rule.id() + ")";
  }
}
