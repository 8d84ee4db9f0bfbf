package dev.endpointguard.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import java.util.List;

/**
 * The {@code endpoint-guard/1} JSON that SQS, Lambda and HTTPS subscribers receive: an envelope (version, account,
 * region, source, run id) around one evaluation and its {@code previous} state, or around a digest's evaluations.
 */
final class AlertJson {
  static final String TYPE_FINDING = "finding";
  static final String TYPE_DIGEST = "digest";

  private AlertJson() {
  }

  static ObjectNode envelope(String type, String account, String region, AlertContext ctx) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("version", ScanReport.VERSION);
    root.put("type", type);
    root.put("account", account);
    root.put("region", region);
    root.put("source", ctx.source());
    root.put("runId", ctx.runId());
    return root;
  }

  /** One finding: {@code evaluation} as in the scan report, {@code previous} as the executor recorded it. */
  static ObjectNode finding(EvaluationResult result, String account, String region, AlertContext ctx) {
    ObjectNode root = envelope(TYPE_FINDING, account, region, ctx);
    root.set("evaluation", ReportJson.evaluation(result, account, region));
    root.set("previous", previous(result));
    return root;
  }

  /** A scan-report evaluation with its {@code previous} state beside its other fields, for digests. */
  static ObjectNode evaluationWithPrevious(EvaluationResult result, String account, String region) {
    ObjectNode node = ReportJson.evaluation(result, account, region);
    node.set("previous", previous(result));
    return node;
  }

  static ObjectNode digest(List<ObjectNode> evaluations, ObjectNode summary, String account, String region,
                           AlertContext ctx) {
    ObjectNode root = envelope(TYPE_DIGEST, account, region, ctx);
    ArrayNode array = root.putArray("evaluations");
    evaluations.forEach(array::add);
    root.set("summary", summary);
    return root;
  }

  private static ObjectNode previous(EvaluationResult result) {
    return ReportJson.MAPPER.valueToTree(result.previous());
  }
}
