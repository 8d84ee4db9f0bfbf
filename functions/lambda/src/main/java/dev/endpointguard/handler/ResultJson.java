package dev.endpointguard.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;

/** The JSON a handler prints: status, function, reason, summary, evaluations (scan report shape), alerts, problems. */
public final class ResultJson {
  private ResultJson() {
  }

  public static ObjectNode toNode(HandlerResult result) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("status", result.status().id());
    root.put("function", result.function());
    root.put("reason", result.reason());
    ScanReport.Summary s = result.summary();
    ObjectNode summary = root.putObject("summary");
    summary.put("evaluated", s.evaluated());
    summary.put("nonCompliant", s.nonCompliant());
    summary.put("applied", s.applied());
    summary.put("failed", s.failed());
    ArrayNode evaluations = root.putArray("evaluations");
    result.evaluations().forEach(r -> evaluations.add(ReportJson.evaluation(r)));
    ObjectNode alerts = root.putObject("alerts");
    alerts.put("published", result.alerts().published());
    alerts.put("failed", result.alerts().failed());
    result.configEvaluations().ifPresent(n -> root.put("configEvaluations", n));
    ArrayNode problems = root.putArray("problems");
    result.problems().forEach(problems::add);
    return root;
  }

  public static String toJson(HandlerResult result) {
    return ReportJson.toJson(toNode(result), false);
  }
}
