package dev.endpointguard.cli;

import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scan report for people: findings first, grouped by account, Region and VPC, each with its reason, its plan (every
 * change's impact and monthly cost) and, for what was applied, the rollback; then what could not be evaluated, and a
 * summary with the monthly cost of the planned changes. With {@code all}, every evaluation, compliant ones included.
 * Colour only when asked (a terminal).
 */
final class TextReport {
  private static final String RESET = "\u001b[0m";
  private static final String NO_VPC = "(not in a VPC)";
  private static final Comparator<EvaluationResult> FINDINGS_FIRST =
      Comparator.comparing((EvaluationResult r) -> !r.evaluation().nonCompliant())
          .thenComparing(r -> r.evaluation().severity(), Comparator.reverseOrder())
          .thenComparing(r -> r.evaluation().rule())
          .thenComparing(r -> r.evaluation().resourceId());

  private final boolean colour;
  private final boolean all;

  /**
   * @param colour ANSI colours for the status
   * @param all    every evaluation; otherwise only the NON_COMPLIANT ones
   */
  TextReport(boolean colour, boolean all) {
    this.colour = colour;
    this.all = all;
  }

  void print(ScanDocument document, PrintWriter out) {
    out.println(title(document));
    int shown = 0;
    for (ScanReport scope : document.scopes()) {
      Map<String, List<EvaluationResult>> byVpc = new LinkedHashMap<>();
      scope.results().stream()
          .filter(r -> all || r.evaluation().nonCompliant())
          .sorted(Comparator.comparing((EvaluationResult r) -> vpcOf(r.evaluation())).thenComparing(FINDINGS_FIRST))
          .forEach(r -> byVpc.computeIfAbsent(vpcOf(r.evaluation()), v -> new ArrayList<>()).add(r));
      if (byVpc.isEmpty()) {
        // With several scopes, a quiet one still gets its line: scanned and clean reads apart from not scanned.
        if (document.singleScope().isEmpty()) {
          out.printf("%nAccount %s · %s: %s%n", scope.account(), scope.region(), !scope.results().isEmpty()
              ? "no findings (" + plural(scope.results().size(), "evaluation") + ")"
              : unread(document, scope) ? "could not be read (below)" : "nothing evaluated");
        }
        continue;
      }
      out.printf("%nAccount %s · %s%n", scope.account(), scope.region());
      for (Map.Entry<String, List<EvaluationResult>> vpc : byVpc.entrySet()) {
        out.printf("  %s%n", vpc.getKey().equals(NO_VPC) ? NO_VPC : "VPC " + vpc.getKey());
        for (EvaluationResult r : vpc.getValue()) {
          printEvaluation(r, out);
          shown++;
        }
      }
    }
    if (shown == 0) {
      out.printf("%n%s%n", document.results().isEmpty() ? "Nothing in scope was evaluated."
          : "No findings." + (all ? "" : " (--all lists every evaluation.)"));
    }
    printProblems(document.problems(), out);
    printSummary(document, out);
    out.flush();
  }

  /** A problem of the whole scope (its account, or its account in its Region) is on record: it was not read. */
  private static boolean unread(ScanDocument document, ScanReport scope) {
    return document.problems().stream().anyMatch(p -> p.account().equals(Optional.of(scope.account()))
        && p.resourceId().isEmpty() && (p.region().isEmpty() || p.region().equals(Optional.of(scope.region()))));
  }

  private static String title(ScanDocument document) {
    if (document.singleScope().isPresent()) {
      return "endpoint-guard scan of account " + document.singleScope().get().account() + " in "
          + document.singleScope().get().region();
    }
    if (document.scopes().isEmpty()) {
      return "endpoint-guard scan: nothing in scope could be read (" + plural(document.problems().size(), "problem")
          + " below)";
    }
    long accounts = document.scopes().stream().map(ScanReport::account).distinct().count();
    long regions = document.scopes().stream().map(ScanReport::region).distinct().count();
    return "endpoint-guard scan of " + plural(accounts, "account") + " in " + plural(regions, "Region") + " ("
        + plural(document.scopes().size(), "scope") + ")";
  }

  private void printEvaluation(EvaluationResult r, PrintWriter out) {
    Evaluation e = r.evaluation();
    out.printf("    %s %-8s %-34s %s  %s%n", paint(String.format("%-14s", e.status().name()), statusColour(e)),
        e.severity().name(), e.rule().id(), e.resourceId(), r.outcome().name());
    out.printf("      %s%n", e.reason());
    List<Change> applied = r.appliedChanges();
    for (Change c : e.plan()) {
      boolean done = applied.contains(c);
      out.printf("      %s %s%n", done ? "done:" : "plan:", c.describe());
      out.printf("        impact: %s%n", c.impact());
      if (c.monthlyCostUsd().signum() > 0) {
        out.printf("        cost: +%s per month%n", usd(c.monthlyCostUsd()));
      }
      if (done) {
        out.printf("        rollback: %s%n", c.rollback());
      }
    }
    r.error().ifPresent(err -> out.printf("      error: %s%n", err));
  }

  private static void printProblems(List<ReportProblem> problems, PrintWriter out) {
    List<ReportProblem> left = problems.stream().filter(ReportProblem::notEvaluated).toList();
    List<ReportProblem> partial = problems.stream().filter(p -> !p.notEvaluated()).toList();
    if (!left.isEmpty()) {
      out.printf("%nCould not evaluate:%n");
      left.forEach(p -> out.printf("  %s%n", p.describe()));
    }
    if (!partial.isEmpty()) {
      out.printf("%nEvaluated, with something to check (facts that could not be read — their verdicts say which —"
          + " or tags that do not say what was meant):%n");
      partial.forEach(p -> out.printf("  %s%n", p.describe()));
    }
  }

  private static void printSummary(ScanDocument document, PrintWriter out) {
    ScanReport.Summary s = document.summary();
    out.printf("%nSummary: %d evaluated, %d non-compliant, %d applied, %d failed, %d not evaluated; %d still NON_COMPLIANT%n",
        s.evaluated(), s.nonCompliant(), s.applied(), s.failed(), document.notEvaluated(),
        document.remainingNonCompliant());
    BigDecimal planned = cost(document, Outcome.PLANNED);
    BigDecimal applied = cost(document, Outcome.APPLIED);
    out.printf("Monthly cost of the planned changes: +%s%s%n", usd(planned),
        applied.signum() > 0 ? "; of the applied ones: +" + usd(applied) : "");
  }

  /** The monthly cost of the plans of the findings whose outcome is {@code outcome}, in USD. */
  private static BigDecimal cost(ScanDocument document, Outcome outcome) {
    return document.results().stream()
        .filter(r -> r.evaluation().nonCompliant() && r.outcome() == outcome)
        .flatMap(r -> outcome == Outcome.APPLIED ? r.appliedChanges().stream() : r.evaluation().plan().stream())
        .map(Change::monthlyCostUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static String vpcOf(Evaluation e) {
    return Objects.requireNonNullElse(e.vpcId(), NO_VPC);
  }

  private static String usd(BigDecimal amount) {
    return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
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
