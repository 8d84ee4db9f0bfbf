package dev.endpointguard.deploy;

import dev.endpointguard.handler.Functions;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four Lambda functions of template.yaml as deployed: which kinds of calls each one makes. Logical id and
 * handler come from {@link Functions}, the one list of the functions.
 */
public enum DeployedFunction {
  CHANGE_EVENT(Functions.CHANGE_EVENT, true, true, false, true, false),
  CONFIG_RULE(Functions.CONFIG_RULE, false, false, true, true, false),
  COMPLIANCE_REMEDIATION(Functions.COMPLIANCE_REMEDIATION, true, true, false, true, false),
  SWEEP(Functions.SWEEP, true, true, false, true, true);

  private final String logicalId;
  private final String handler;
  private final boolean remediates;
  private final boolean alerts;
  private final boolean reportsConfigEvaluations;
  private final boolean importsFindings;
  private final boolean handsOverSweeps;

  DeployedFunction(Functions function, boolean remediates, boolean alerts, boolean reportsConfigEvaluations,
                   boolean importsFindings, boolean handsOverSweeps) {
    this.logicalId = function.logicalId();
    this.handler = function.handlerClass().getName() + "::handleRequest";
    this.remediates = remediates;
    this.alerts = alerts;
    this.reportsConfigEvaluations = reportsConfigEvaluations;
    this.importsFindings = importsFindings;
    this.handsOverSweeps = handsOverSweeps;
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

  /**
   * Imports Security Hub findings when EnableSecurityHub is on: every function (the Config rule function only its
   * NOT_APPLICABLE verdicts, which archive the findings of resources that are gone).
   */
  public boolean importsFindings() {
    return importsFindings;
  }

  /** Hands the VPCs a sweep short of time did not start to its own queue, and is invoked by that queue (the sweep). */
  public boolean handsOverSweeps() {
    return handsOverSweeps;
  }

  public static Optional<DeployedFunction> byLogicalId(String logicalId) {
    return Arrays.stream(values()).filter(f -> f.logicalId.equals(logicalId)).findFirst();
  }
}
