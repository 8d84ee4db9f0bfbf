package dev.endpointguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.plan.Change;
import dev.endpointguard.rules.Evaluation;
import java.io.UncheckedIOException;

/** The {@code endpoint-guard/1} JSON shapes of DESIGN.md §3: scan report and single evaluations. */
public final class ReportJson {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ReportJson() {
  }

  public static ObjectNode evaluation(EvaluationResult result) {
    Evaluation e = result.evaluation();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", e.rule().id());
    node.put("resourceType", e.resourceType().configName());
    node.put("resourceId", e.resourceId());
    // null for a resource in no VPC (an endpoint service).
    if (e.vpc().isPresent()) {
      node.put("vpcId", e.vpc().get());
    } else {
      node.putNull("vpcId");
    }
    node.put("status", e.status().name());
    node.put("severity", e.severity().name());
    node.put("reason", e.reason());
    ArrayNode plan = node.putArray("plan");
    for (int i = 0; i < e.plan().size(); i++) {
      ObjectNode change = change(e.plan().get(i));
      // What this change came to, once the plan was applied: APPLIED, ALREADY_IN_EFFECT, FAILED, SKIPPED or
      // NOT_ATTEMPTED (a field added within endpoint-guard/1; absent while the plan is only planned).
      if (i < result.changes().size()) {
        change.put("outcome", result.changes().get(i).outcome().name());
      }
      plan.add(change);
    }
    node.put("outcome", result.outcome().name());
    if (result.error().isPresent()) {
      node.put("error", result.error().get());
    } else {
      node.putNull("error");
    }
    return node;
  }

  public static ObjectNode change(Change c) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("change", c.kind().reportName());
    node.put("target", c.target());
    node.set("detail", MAPPER.valueToTree(c.detail()));
    node.put("impact", c.impact());
    node.put("rollback", c.rollback());
    return node;
  }

  public static ObjectNode report(ScanReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", ScanReport.VERSION);
    root.put("account", report.account());
    root.put("region", report.region());
    ArrayNode evaluations = root.putArray("evaluations");
    report.results().forEach(r -> evaluations.add(evaluation(r)));
    root.set("summary", summary(report.summary()));
    return root;
  }

  /** {@code {"evaluated":…,"nonCompliant":…,"applied":…,"failed":…}}. */
  public static ObjectNode summary(ScanReport.Summary s) {
    ObjectNode summary = MAPPER.createObjectNode();
    summary.put("evaluated", s.evaluated());
    summary.put("nonCompliant", s.nonCompliant());
    summary.put("applied", s.applied());
    summary.put("failed", s.failed());
    return summary;
  }

  public static String toJson(ObjectNode node, boolean pretty) {
    try {
      return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
          : MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
