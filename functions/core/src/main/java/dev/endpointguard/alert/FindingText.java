package dev.endpointguard.alert;

import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.RuleContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The readable text of one finding: what, where, why it matters, what was or would be done, rollback, cost. */
final class FindingText {
  private static final String BULLET = "  - ";

  private FindingText() {
  }

  static String render(EvaluationResult result, String account, String region, AlertContext ctx) {
    Evaluation e = result.evaluation();
    StringBuilder text = new StringBuilder();
    text.append("endpoint-guard: ").append(e.rule().id()).append(" (").append(e.severity()).append(") on ")
        .append(e.resourceId()).append(" is ").append(e.status()).append(". Outcome: ").append(result.outcome())
        .append(".\n\n");
    text.append("What: ").append(e.reason()).append('\n');
    text.append("Where: account ").append(account).append(", region ").append(region)
        .append(e.vpc().map(vpc -> ", VPC " + vpc).orElse("")).append(", resource ").append(e.resourceId())
        .append(" (")
        .append(e.resourceType().configName()).append(")\n");
    text.append("Why it matters: ").append(RuleImpact.why(e.rule())).append("\n\n");
    done(text, result);
    text.append('\n');
    rollback(text, result);
    text.append('\n');
    text.append(cost(e.plan(), result.outcome(), ctx.azHourPriceUsd())).append('\n');
    text.append("\nRun ").append(ctx.runId()).append(" from ").append(ctx.source()).append(".\n");
    return text.toString();
  }

  private static void done(StringBuilder text, EvaluationResult result) {
    List<Change> plan = result.evaluation().plan();
    if (plan.isEmpty()) {
      text.append("What was done: nothing. No safe automatic fix exists; fix it by hand.\n");
      return;
    }
    text.append(switch (result.outcome()) {
      case APPLIED -> "What was done:\n";
      case FAILED -> "What was attempted:\n";
      case SKIPPED -> "What would be done (skipped, nothing was changed):\n";
      case PLANNED, NONE -> "What would be done (not applied):\n";
      case ALREADY_IN_EFFECT, NOT_ATTEMPTED -> throw notAnEvaluationOutcome(result);
    });
    plan.forEach(c -> text.append(BULLET).append(c.describe()).append('\n')
        .append("    Impact: ").append(c.impact()).append('\n'));
    text.append("Outcome: ").append(result.outcome()).append(switch (result.outcome()) {
      case APPLIED -> ": every change was applied and the re-read resource confirms it.";
      case FAILED -> ": " + result.error().orElse("a change failed") + ". Changes before the failed one stay applied.";
      case SKIPPED -> ": " + result.error().orElse("nothing was applied") + ".";
      case PLANNED -> ": nothing was changed; the rule is in alert mode. Turn on remediate mode (or run scan --fix)"
          + " to apply the plan.";
      case NONE -> ": nothing was changed.";
      case ALREADY_IN_EFFECT, NOT_ATTEMPTED -> throw notAnEvaluationOutcome(result);
    }).append('\n');
  }

  private static void rollback(StringBuilder text, EvaluationResult result) {
    List<Change> plan = result.evaluation().plan();
    if (plan.isEmpty()) {
      text.append("Roll back: nothing to roll back, nothing was changed.\n");
      return;
    }
    text.append(switch (result.outcome()) {
      case APPLIED -> "Roll back, in this order:\n";
      case FAILED -> "Roll back the changes that were applied, in this order:\n";
      case PLANNED, SKIPPED, NONE -> "Roll back (nothing to undo now; once the plan is applied), in this order:\n";
      case ALREADY_IN_EFFECT, NOT_ATTEMPTED -> throw notAnEvaluationOutcome(result);
    });
    // Undo in reverse order: private DNS goes off before the VPC DNS attributes it depends on. Once changes were
    // written, only those: a change that was not written has nothing to undo.
    List<Change> undo = new ArrayList<>(result.changes().isEmpty() ? plan : result.appliedChanges());
    Collections.reverse(undo);
    if (undo.isEmpty()) {
      text.append(BULLET).append("nothing: no change of the plan was written\n");
    }
    undo.forEach(c -> text.append(BULLET).append(c.rollback()).append('\n'));
  }

  /** Outcomes of single changes: {@link EvaluationResult} refuses them, so an evaluation never has one. */
  private static IllegalStateException notAnEvaluationOutcome(EvaluationResult result) {
    return new IllegalStateException(result.outcome() + " is not an outcome of an evaluation");
  }

  /**
   * What the plan adds to the bill: the sum of its changes' monthly costs, which only endpoint AZ-hours make
   * (https://aws.amazon.com/privatelink/pricing/). {@code azHourPriceUsd} is the run's configured price per AZ-hour,
   * the one the rules cost added AZs at.
   */
  static String cost(List<Change> plan, Outcome outcome, BigDecimal azHourPriceUsd) {
    BigDecimal monthly = plan.stream().map(Change::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (monthly.signum() == 0) {
      return "Cost: no change.";
    }
    String when = outcome == Outcome.APPLIED ? "" : " once applied";
    return "Cost: +$" + monthly.setScale(2, RoundingMode.HALF_UP).toPlainString() + " per month" + when
        + " (each added AZ is billed $" + azHourPriceUsd.stripTrailingZeros().toPlainString()
        + " per endpoint AZ-hour x " + RuleContext.HOURS_PER_MONTH + " h).";
  }
}
