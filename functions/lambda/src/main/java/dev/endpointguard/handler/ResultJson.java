package dev.endpointguard.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.ConfigEvaluationSink;
import dev.endpointguard.sink.ContinuationSink;

/**
 * The JSON a handler prints: status, function, reason, summary, evaluations (scan report shape: each change with its
 * impact and rollback), alerts (published, failed = kept in the log, deferred to a retry), Config evaluations sent
 * (the Config rule function), problems. docs/handlers.md.
 */
public final class ResultJson {
  private ResultJson() {
  }

  public static ObjectNode toNode(HandlerResult result) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("status", result.status().id());
    root.put("function", result.function());
    root.put("reason", result.reason());
    root.set("summary", ReportJson.summary(ScanReport.Summary.of(result.evaluations())));
    ArrayNode evaluations = root.putArray("evaluations");
    result.evaluations().forEach(r -> evaluations.add(ReportJson.evaluation(r)));
    Delivery alerts = result.delivery(AlertSink.NAME).orElse(Delivery.none(AlertSink.NAME));
    ObjectNode alertNode = root.putObject("alerts");
    alertNode.put("published", alerts.delivered());
    alertNode.put("failed", alerts.failed());
    alertNode.put("deferred", alerts.deferred());
    result.delivery(ConfigEvaluationSink.NAME).ifPresent(d -> root.put("configEvaluations", d.delivered()));
    result.delivery(ContinuationSink.NAME).ifPresent(d -> {
      ObjectNode continuation = root.putObject("continuation");
      continuation.put("vpcsHandedOver", d.delivered());
      continuation.put("vpcsNotHandedOver", d.failed());
      continuation.put("vpcsLeftToRetry", d.deferred());
    });
    ArrayNode problems = root.putArray("problems");
    result.problems().forEach(problems::add);
    return root;
  }

  public static String toJson(HandlerResult result) {
    return ReportJson.toJson(toNode(result), false);
  }
}
