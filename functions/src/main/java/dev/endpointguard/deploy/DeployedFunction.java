package dev.endpointguard.deploy;

import java.util.Arrays;
import java.util.Optional;

/** The four Lambda functions of template.yaml: logical id, handler, and which kinds of calls each one makes. */
public enum DeployedFunction {
  CHANGE_EVENT("ChangeEventFunction", "dev.endpointguard.handler.ChangeEventHandler::handleRequest", true, true, false),
  CONFIG_RULE("ConfigRuleFunction", "dev.endpointguard.handler.ConfigRuleHandler::handleRequest", false, false, true),
  COMPLIANCE_REMEDIATION("ComplianceRemediationFunction",
      "dev.endpointguard.handler.ComplianceRemediationHandler::handleRequest", true, true, false),
  SWEEP("SweepFunction", "dev.endpointguard.handler.SweepHandler::handleRequest", true, true, false);

  private final String logicalId;
  private final String handler;
  private final boolean remediates;
  private final boolean alerts;
  private final boolean reportsConfigEvaluations;

  DeployedFunction(String logicalId, String handler, boolean remediates, boolean alerts,
                   boolean reportsConfigEvaluations) {
    this.logicalId = logicalId;
    this.handler = handler;
    this.remediates = remediates;
    this.alerts = alerts;
    this.reportsConfigEvaluations = reportsConfigEvaluations;
  }

  /** The function's logical id in template.yaml (fixed: alarms, docs and {@code invoke} use it). */
  public String logicalId() {
    return logicalId;
  }

  /** Lambda's handler string: {@code class::method}. */
  public String handler() {
    return handler;
  }

  /** The handler's class name, the part of {@link #handler()} before {@code ::}. */
  public String handlerClass() {
    return handler.substring(0, handler.indexOf("::"));
  }

  /** Applies plans (when a rule's mode is remediate), so it needs the write permissions of every change kind. */
  public boolean remediates() {
    return remediates;
  }

  /** Publishes alerts to the SNS topic. */
  public boolean alerts() {
    return alerts;
  }

  /** Sends AWS Config evaluations (the Config rule function only). */
  public boolean reportsConfigEvaluations() {
    return reportsConfigEvaluations;
  }

  public static Optional<DeployedFunction> byLogicalId(String logicalId) {
    return Arrays.stream(values()).filter(f -> f.logicalId.equals(logicalId)).findFirst();
  }
}
