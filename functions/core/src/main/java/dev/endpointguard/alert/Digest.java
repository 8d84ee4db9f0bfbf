package dev.endpointguard.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.RuleId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One message for a run with many findings: a list grouped by rule, most severe first. When the message would pass
 * SNS's size limit, the least severe findings are left out and both bodies say how many ("… and N more").
 */
final class Digest {
  private final List<EvaluationResult> findings;
  private final ScanReport report;
  private final AlertContext ctx;
  private final List<String> rows;
  private final List<ObjectNode> nodes;
  private final Map<String, String> attributes;
  private final String subject;

  Digest(List<EvaluationResult> findings, ScanReport report, AlertContext ctx, Map<String, String> attributes) {
    List<EvaluationResult> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing((EvaluationResult r) -> r.evaluation().severity()).reversed()
        .thenComparing(r -> r.evaluation().rule()));
    this.findings = List.copyOf(sorted);
    this.report = report;
    this.ctx = ctx;
    this.attributes = attributes;
    this.rows = rows(this.findings);
    this.nodes = this.findings.stream()
        .map(r -> AlertJson.evaluationWithPrevious(r, report.account(), report.region())).toList();
    this.subject = AlertSubject.digest(attributes.get(AlertFormatter.ATTR_SEVERITY), findings.size(),
        report.account(), report.region(), attributes.get(AlertFormatter.ATTR_OUTCOME));
  }

  /** The largest digest that fits in one SNS message. */
  AlertMessage message() {
    AlertMessage all = withFirst(findings.size());
    if (all.sizeBytes() <= AlertMessage.MAX_MESSAGE_BYTES) {
      return all;
    }
    int fits = 0;
    int tooBig = findings.size();
    while (tooBig - fits > 1) {
      int mid = (fits + tooBig) >>> 1;
      if (withFirst(mid).sizeBytes() <= AlertMessage.MAX_MESSAGE_BYTES) {
        fits = mid;
      } else {
        tooBig = mid;
      }
    }
    return withFirst(fits);
  }

  AlertMessage withFirst(int included) {
    String text = text(included);
    return new AlertMessage(subject, text, text + AlertFormatter.EMAIL_FOOTER, json(included), attributes);
  }

  static String more(int omitted) {
    return "… and " + omitted + " more (see the scan report)";
  }

  private String text(int included) {
    StringBuilder text = new StringBuilder();
    text.append("endpoint-guard: ").append(findings.size()).append(" findings in account ").append(report.account())
        .append(", region ").append(report.region()).append(". Highest severity: ")
        .append(attributes.get(AlertFormatter.ATTR_SEVERITY)).append(". Outcomes: ").append(outcomes())
        .append(".\n");
    text.append(report.summary().evaluated()).append(" evaluations in this run.\n");
    Map<RuleId, List<Integer>> byRule = new LinkedHashMap<>();
    for (int i = 0; i < included; i++) {
      byRule.computeIfAbsent(findings.get(i).evaluation().rule(), r -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<RuleId, List<Integer>> group : byRule.entrySet()) {
      List<Integer> members = group.getValue();
      text.append('\n').append(group.getKey().id()).append(" (")
          .append(findings.get(members.get(0)).evaluation().severity()).append("): ").append(members.size())
          .append(members.size() == 1 ? " finding" : " findings").append('\n');
      text.append("Why it matters: ").append(RuleImpact.why(group.getKey())).append('\n');
      members.forEach(i -> text.append(rows.get(i)).append('\n'));
    }
    if (included < findings.size()) {
      text.append('\n').append(more(findings.size() - included)).append('\n');
    }
    text.append("\nEach finding's plan, with each change's impact and rollback command, is in the JSON message (SQS,")
        .append(" Lambda and HTTPS subscribers) and in the scan report (scan --format json); the rollback of every")
        .append(" change applied in this run is under its finding above.\n");
    text.append("Run ").append(ctx.runId()).append(" from ").append(ctx.source()).append(".\n");
    return text.toString();
  }

  private String json(int included) {
    ObjectNode summary = ReportJson.MAPPER.createObjectNode();
    summary.put("findings", findings.size());
    summary.put("included", included);
    summary.put("omitted", findings.size() - included);
    ScanReport.Summary scan = report.summary();
    summary.put("evaluated", scan.evaluated());
    summary.put("nonCompliant", scan.nonCompliant());
    summary.put("applied", scan.applied());
    summary.put("failed", scan.failed());
    summary.set("byRule", ReportJson.MAPPER.valueToTree(count(r -> r.evaluation().rule().id())));
    summary.set("bySeverity", ReportJson.MAPPER.valueToTree(count(r -> r.evaluation().severity().name())));
    summary.set("byOutcome", ReportJson.MAPPER.valueToTree(count(r -> r.outcome().name())));
    ObjectNode root = AlertJson.digest(nodes.subList(0, included), summary, report.account(), report.region(), ctx);
    if (included < findings.size()) {
      root.put("more", more(findings.size() - included));
    }
    return ReportJson.toJson(root, false);
  }

  private Map<String, Integer> count(Function<EvaluationResult, String> key) {
    Map<String, Integer> counts = new TreeMap<>();
    findings.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
    return counts;
  }

  private String outcomes() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    findings.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((outcome, n) -> parts.add(n + " " + outcome));
    return String.join(", ", parts);
  }

  /** The VPC column: the resource's VPC, or {@code -} for a resource in none (an endpoint service). */
  private static String vpcColumn(Evaluation evaluation) {
    return evaluation.vpc().orElse("-");
  }

  /** One line per finding, columns aligned: resource, VPC, outcome, reason (and the error, if any). */
  private static List<String> rows(List<EvaluationResult> findings) {
    int idWidth = 0;
    int vpcWidth = 0;
    for (EvaluationResult r : findings) {
      idWidth = Math.max(idWidth, r.evaluation().resourceId().length());
      vpcWidth = Math.max(vpcWidth, vpcColumn(r.evaluation()).length());
    }
    String format = "  %-" + idWidth + "s  %-" + vpcWidth + "s  %-8s  %s";
    List<String> rows = new ArrayList<>(findings.size());
    for (EvaluationResult r : findings) {
      String reason = r.evaluation().reason() + r.error().map(e -> " [" + e + "]").orElse("");
      StringBuilder row = new StringBuilder(String.format(format, r.evaluation().resourceId(),
          vpcColumn(r.evaluation()), r.outcome(), reason));
      // Undo in reverse order, as the single-finding alert does.
      List<Change> applied = new ArrayList<>(r.appliedChanges());
      java.util.Collections.reverse(applied);
      applied.forEach(c -> row.append("\n      rollback: ").append(c.rollback()));
      rows.add(row.toString());
    }
    return rows;
  }
}
