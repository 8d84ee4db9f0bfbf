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
 * The messages for a run with many findings: a list grouped by rule, most severe first. When one message would pass
 * SNS's size limit (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html), the findings are split, in that
 * order, into as many messages as they need ("part i of n"), each under the limit: every finding is in exactly one
 * part. A finding too large for a message on its own gets a part of its own, which SNS refuses and the sink keeps
 * whole in the log.
 */
final class Digest {
  private final List<EvaluationResult> findings;
  private final ScanReport report;
  private final AlertContext ctx;
  private final List<String> rows;
  private final List<ObjectNode> nodes;
  private final Map<String, String> attributes;

  Digest(List<EvaluationResult> findings, ScanReport report, AlertContext ctx) {
    List<EvaluationResult> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing((EvaluationResult r) -> r.evaluation().severity()).reversed()
        .thenComparing(r -> r.evaluation().rule()));
    this.findings = List.copyOf(sorted);
    this.report = report;
    this.ctx = ctx;
    this.attributes = AlertFormatter.digestAttributes(this.findings, report);
    this.rows = rows(this.findings);
    this.nodes = this.findings.stream()
        .map(r -> AlertJson.evaluationWithPrevious(r, report.account(), report.region())).toList();
  }

  /** One message when every finding fits in it; else the parts, in order, each under SNS's limit. */
  List<AlertMessage> messages() {
    AlertMessage all = whole();
    if (all.sizeBytes() <= AlertMessage.MAX_MESSAGE_BYTES) {
      return List.of(all);
    }
    // Split with the most digits "part i of n" can take (n <= findings), then number the parts for real: the real
    // numbers are never longer, so every part stays under the limit.
    int widest = findings.size();
    List<int[]> ranges = new ArrayList<>();
    for (int start = 0; start < findings.size(); ) {
      int end = largestEnd(start, widest);
      ranges.add(new int[] {start, end});
      start = end;
    }
    List<AlertMessage> parts = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      parts.add(part(ranges.get(i)[0], ranges.get(i)[1], i + 1, ranges.size()));
    }
    return parts;
  }

  /** Every finding in one message, whatever its size. */
  AlertMessage whole() {
    String text = text(0, findings.size(), 1, 1);
    String subject = AlertSubject.digest(attributes.get(AlertFormatter.ATTR_SEVERITY), findings.size(),
        report.account(), report.region(), attributes.get(AlertFormatter.ATTR_OUTCOME));
    return new AlertMessage(subject, text, text + AlertFormatter.EMAIL_FOOTER, json(0, findings.size(), 1, 1),
        attributes);
  }

  /**
   * Part {@code part} of {@code parts}: the findings from {@code start} (inclusive) to {@code end} (exclusive), in the
   * digest's order, with the part's own attributes (its rules, highest severity and outcomes) for filter policies.
   */
  AlertMessage part(int start, int end, int part, int parts) {
    List<EvaluationResult> members = findings.subList(start, end);
    Map<String, String> own = AlertFormatter.digestAttributes(members, report);
    String text = text(start, end, part, parts);
    String subject = AlertSubject.digestPart(own.get(AlertFormatter.ATTR_SEVERITY), end - start, findings.size(),
        report.account(), report.region(), own.get(AlertFormatter.ATTR_OUTCOME), part, parts);
    return new AlertMessage(subject, text, text + AlertFormatter.EMAIL_FOOTER, json(start, end, part, parts), own);
  }

  /** The most findings from {@code start} on that fit in one part (at least one). */
  private int largestEnd(int start, int parts) {
    int fits = start + 1;
    int tooBig = findings.size() + 1;
    // Gallop (1, 2, 4, … findings), then halve the gap: each probe renders at most twice the limit.
    for (int count = 2; fits < findings.size(); count *= 2) {
      int probe = Math.min(findings.size(), start + count);
      if (fitsInOne(start, probe, parts)) {
        fits = probe;
      } else {
        tooBig = probe;
        break;
      }
    }
    while (tooBig - fits > 1 && fits < findings.size()) {
      int mid = (fits + tooBig) >>> 1;
      if (fitsInOne(start, mid, parts)) {
        fits = mid;
      } else {
        tooBig = mid;
      }
    }
    return fits;
  }

  private boolean fitsInOne(int start, int end, int parts) {
    return part(start, end, parts, parts).sizeBytes() <= AlertMessage.MAX_MESSAGE_BYTES;
  }

  private String text(int start, int end, int part, int parts) {
    StringBuilder text = new StringBuilder();
    text.append("endpoint-guard: ").append(findings.size()).append(" findings in account ").append(report.account())
        .append(", region ").append(report.region()).append(". Highest severity: ")
        .append(attributes.get(AlertFormatter.ATTR_SEVERITY)).append(". Outcomes: ").append(outcomes())
        .append(".\n");
    if (parts > 1) {
      text.append("Part ").append(part).append(" of ").append(parts).append(": findings ").append(start + 1)
          .append(" to ").append(end).append(", most severe first; the other parts of run ").append(ctx.runId())
          .append(" hold the rest.\n");
    }
    text.append(report.summary().evaluated()).append(" evaluations in this run.\n");
    Map<RuleId, List<Integer>> byRule = new LinkedHashMap<>();
    for (int i = start; i < end; i++) {
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
    text.append("\nEach finding's plan, with each change's impact and rollback command, is in the JSON message (SQS,")
        .append(" Lambda and HTTPS subscribers) and in the scan report (scan --format json); the rollback of every")
        .append(" change applied in this run is under its finding above.\n");
    text.append("Run ").append(ctx.runId()).append(" from ").append(ctx.source()).append(".\n");
    return text.toString();
  }

  private String json(int start, int end, int part, int parts) {
    ObjectNode summary = ReportJson.MAPPER.createObjectNode();
    summary.put("findings", findings.size());
    summary.put("included", end - start);
    // Every finding is in one part: none is left out (a field kept from before digests were split).
    summary.put("omitted", 0);
    summary.put("part", part);
    summary.put("parts", parts);
    ScanReport.Summary scan = report.summary();
    summary.put("evaluated", scan.evaluated());
    summary.put("nonCompliant", scan.nonCompliant());
    summary.put("applied", scan.applied());
    summary.put("failed", scan.failed());
    summary.set("byRule", ReportJson.MAPPER.valueToTree(count(r -> r.evaluation().rule().id())));
    summary.set("bySeverity", ReportJson.MAPPER.valueToTree(count(r -> r.evaluation().severity().name())));
    summary.set("byOutcome", ReportJson.MAPPER.valueToTree(count(r -> r.outcome().name())));
    ObjectNode root = AlertJson.digest(nodes.subList(start, end), summary, report.account(), report.region(), ctx);
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
