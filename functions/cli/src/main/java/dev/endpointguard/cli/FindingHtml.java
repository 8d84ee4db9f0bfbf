package dev.endpointguard.cli;

import static dev.endpointguard.cli.Html.esc;

import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The findings part of the HTML report: each NON_COMPLIANT evaluation with its reason, what became of its plan, and
 * per change what it does, what it takes away or costs, how to roll it back and its monthly cost; then every
 * evaluation in a closed table.
 */
final class FindingHtml {
  /** Findings still open first, the most severe first; then those this run fixed. */
  static final Comparator<EvaluationResult> ORDER = Comparator
      .comparing((EvaluationResult r) -> !r.remainsNonCompliant())
      .thenComparing(r -> r.evaluation().severity(), Comparator.reverseOrder())
      .thenComparing(r -> r.evaluation().rule())
      .thenComparing(r -> r.evaluation().resourceId());

  private FindingHtml() {
  }

  /** The NON_COMPLIANT evaluations among {@code results}, in {@link #ORDER}. */
  static List<EvaluationResult> findings(List<EvaluationResult> results) {
    return results.stream().filter(r -> r.evaluation().nonCompliant()).sorted(ORDER).toList();
  }

  /** Every finding of {@code results} as a block, or a line saying there is none. */
  static void findings(StringBuilder out, List<EvaluationResult> results) {
    List<EvaluationResult> findings = findings(results);
    out.append("<h5>Findings (").append(findings.size()).append(")</h5>\n");
    if (findings.isEmpty()) {
      out.append("<p class=\"none\">No findings: ").append(results.isEmpty() ? "nothing here was evaluated."
          : "every evaluation here is COMPLIANT or NOT_APPLICABLE.").append("</p>\n");
      return;
    }
    findings.forEach(r -> finding(out, r));
  }

  private static void finding(StringBuilder out, EvaluationResult r) {
    Evaluation e = r.evaluation();
    String css = r.outcome() == Outcome.APPLIED ? " fixed"
        : r.outcome() == Outcome.FAILED || r.outcome() == Outcome.SKIPPED ? " failed" : "";
    out.append("<article class=\"finding").append(css).append("\" data-rule=\"").append(esc(e.rule().id()))
        .append("\" data-resource=\"").append(esc(e.resourceId())).append("\">\n<p><span class=\"badge sev-")
        .append(e.severity().name()).append("\">").append(e.severity().name()).append("</span> <strong>")
        .append(esc(e.rule().id())).append("</strong> on <span class=\"id\">").append(esc(e.resourceId()))
        .append("</span> <span class=\"badge out-").append(r.outcome().name()).append("\">")
        .append(outcome(r)).append("</span></p>\n<p>").append(esc(e.reason())).append("</p>\n");
    r.error().ifPresent(err -> out.append("<p><strong>Error:</strong> ").append(esc(err)).append("</p>\n"));
    if (e.plan().isEmpty()) {
      out.append("<p class=\"muted\">No safe plan: this finding needs a person.</p>\n");
    } else {
      plan(out, r);
    }
    out.append("</article>\n");
  }

  /** Each change of the plan: what it does (and what became of it), its impact, its rollback and its cost. */
  private static void plan(StringBuilder out, EvaluationResult r) {
    List<Change> plan = r.evaluation().plan();
    out.append("<ol class=\"plan\">\n");
    for (int i = 0; i < plan.size(); i++) {
      Change c = plan.get(i);
      out.append("<li><dl class=\"change\">\n<dt>").append(r.changes().isEmpty() ? "Plan" : "Change")
          .append("</dt><dd>").append(esc(c.describe()));
      if (i < r.changes().size()) {
        ChangeResult done = r.changes().get(i);
        out.append(" <span class=\"badge out-").append(done.outcome().name()).append("\">")
            .append(done.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</span>");
        done.detail().ifPresent(d -> out.append(" <span class=\"muted\">").append(esc(d)).append("</span>"));
      }
      out.append("</dd>\n<dt>Impact</dt><dd>").append(esc(c.impact())).append("</dd>\n<dt>Per month</dt><dd class=\"cost\">")
          .append(usd(c.monthlyCostUsd())).append("</dd>\n<dt>Rollback</dt><dd><code class=\"cmd\">")
          .append(esc(c.rollback())).append("</code></dd>\n</dl></li>\n");
    }
    out.append("</ol>\n");
  }

  /** Every evaluation of {@code results}, in a closed table with its status, outcome and reason. */
  static void allEvaluations(StringBuilder out, List<EvaluationResult> results, String what) {
    if (results.isEmpty()) {
      return;
    }
    out.append("<details>\n<summary>All ").append(results.size()).append(" evaluations of ").append(esc(what))
        .append("</summary>\n<table>\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Resource</th>")
        .append("<th scope=\"col\">Status</th><th scope=\"col\">Outcome</th><th scope=\"col\">Reason</th></tr>")
        .append("</thead>\n<tbody>\n");
    for (EvaluationResult r : results) {
      Evaluation e = r.evaluation();
      out.append("<tr><td>").append(esc(e.rule().id())).append("</td><td class=\"id\">").append(esc(e.resourceId()))
          .append("</td><td>").append(e.status().name()).append("</td><td>").append(r.outcome().name())
          .append("</td><td>").append(esc(e.reason())).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n");
  }

  private static String outcome(EvaluationResult r) {
    return switch (r.outcome()) {
      case PLANNED -> "planned, not applied";
      case APPLIED -> "fixed by this run";
      case FAILED -> "fix failed";
      case SKIPPED -> "fix skipped";
      default -> "no plan applied";
    };
  }

  /** The monthly cost of {@code plan}: the sum of its changes' costs. */
  static BigDecimal cost(List<Change> plan) {
    return plan.stream().map(Change::monthlyCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** {@code $1,234.50}. */
  static String usd(BigDecimal amount) {
    return String.format(Locale.ROOT, "$%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
  }
}
