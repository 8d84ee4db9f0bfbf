package dev.endpointguard.cli;

import dev.endpointguard.plan.Change;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import java.io.PrintWriter;
import java.util.List;

/** The scan report as a table for people, with a summary line; colour only when asked (a terminal). */
final class TextReport {
  private static final String RESET = "\u001b[0m";
  private final boolean colour;

  TextReport(boolean colour) {
    this.colour = colour;
  }

  void print(ScanReport report, PrintWriter out) {
    out.printf("endpoint-guard scan of account %s in %s%n%n", report.account(), report.region());
    if (report.results().isEmpty()) {
      out.println("No VPC endpoints in scope.");
    } else {
      out.printf("%-30s %-24s %-24s %-15s %s%n", "RULE", "RESOURCE", "VPC", "STATUS", "OUTCOME");
      for (EvaluationResult r : report.results()) {
        Evaluation e = r.evaluation();
        out.printf("%-30s %-24s %-24s %s %s%n", e.rule().id(), e.resourceId(), e.vpcId(),
            paint(String.format("%-15s", e.status().name()), statusColour(e)), r.outcome().name());
        out.printf("    %s%n", e.reason());
        List<Change> applied = r.appliedChanges();
        for (Change c : e.plan()) {
          out.printf("    %s %s%n", applied.contains(c) ? "done:" : "plan:", c.describe());
          out.printf("      impact: %s%n", c.impact());
          if (applied.contains(c)) {
            out.printf("      rollback: %s%n", c.rollback());
          }
        }
        r.error().ifPresent(err -> out.printf("    error: %s%n", err));
      }
    }
    ScanReport.Summary s = report.summary();
    out.printf("%n%d evaluated, %d non-compliant, %d applied, %d failed; %d still NON_COMPLIANT%n",
        s.evaluated(), s.nonCompliant(), s.applied(), s.failed(), report.remainingNonCompliant());
    out.flush();
  }

  private static String statusColour(Evaluation e) {
    return switch (e.status()) {
      case COMPLIANT -> "\u001b[32m";
      case NON_COMPLIANT -> "\u001b[31m";
      case NOT_APPLICABLE -> "\u001b[2m";
    };
  }

  private String paint(String text, String code) {
    return colour ? code + text + RESET : text;
  }
}
