package dev.endpointguard.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Status;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.ConfigEvaluationSink;
import dev.endpointguard.sink.ContinuationSink;
import dev.endpointguard.sink.SecurityHubSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a handler prints: status, function, reason, summary (with a count per status), the findings (the
 * NON_COMPLIANT evaluations, scan report shape: each change with its impact and rollback), alerts (published, failed =
 * kept in the log, deferred to a retry), Config evaluations sent (the Config rule function), Security Hub findings
 * imported and failed (when it is on), the sweep's hand-over (when it stopped short), problems. docs/handlers.md.
 *
 * <p>The result is bounded whatever the number of endpoints: compliant and not-applicable evaluations are counted,
 * not listed (each is in the log, one {@code evaluation} line each), and the findings and problems are cut to
 * {@value #MAX_RESULT_BYTES} bytes in all, under the 6 MB Lambda allows a response
 * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). What was cut is counted in
 * {@code omitted} and {@code problemsOmitted}.
 */
public final class ResultJson {
  /** The most the result may take, in UTF-8 bytes: 5 MB, leaving room under Lambda's 6 MB response limit. */
  public static final int MAX_RESULT_BYTES = 5_000_000;
  /** The most the problems may take, in UTF-8 bytes, so that findings keep most of the budget. */
  static final int MAX_PROBLEMS_BYTES = 1_000_000;
  static final String OMITTED_NOTE = "findings left out to keep the result under " + MAX_RESULT_BYTES
      + " bytes: every evaluation is in the log ('evaluation' lines) and every finding in the alerts";

  /** Findings kept first when the result must be cut: failed, then applied, then the rest; most severe first. */
  private static final Comparator<EvaluationResult> KEEP_FIRST = Comparator
      .comparingInt((EvaluationResult r) -> r.outcome() == Outcome.FAILED ? 0 : r.outcome() == Outcome.APPLIED ? 1 : 2)
      .thenComparing(r -> r.evaluation().severity(), Comparator.reverseOrder());

  private ResultJson() {
  }

  /** The result as a JSON tree, at most {@value #MAX_RESULT_BYTES} bytes once written. */
  public static ObjectNode toNode(HandlerResult result) {
    return toNode(result, MAX_RESULT_BYTES);
  }

  /** The result, with {@code maxBytes} in place of {@value #MAX_RESULT_BYTES} (for tests). */
  static ObjectNode toNode(HandlerResult result, int maxBytes) {
    ObjectNode root = ReportJson.MAPPER.createObjectNode();
    root.put("status", result.status().id());
    root.put("function", result.function());
    root.put("reason", result.reason());
    ObjectNode summary = ReportJson.summary(ScanReport.Summary.of(result.evaluations()));
    summary.set("byStatus", ReportJson.MAPPER.valueToTree(byStatus(result.evaluations())));
    root.set("summary", summary);
    ArrayNode findings = root.putArray("findings");
    root.put("omitted", 0);
    Delivery alerts = result.delivery(AlertSink.NAME).orElse(Delivery.none(AlertSink.NAME));
    ObjectNode alertNode = root.putObject("alerts");
    alertNode.put("published", alerts.delivered());
    alertNode.put("failed", alerts.failed());
    alertNode.put("deferred", alerts.deferred());
    result.delivery(ConfigEvaluationSink.NAME).ifPresent(d -> root.put("configEvaluations", d.delivered()));
    result.delivery(SecurityHubSink.NAME).ifPresent(d -> {
      ObjectNode securityHub = root.putObject("securityHub");
      securityHub.put("imported", d.delivered());
      securityHub.put("failed", d.failed());
    });
    result.delivery(ContinuationSink.NAME).ifPresent(d -> {
      ObjectNode continuation = root.putObject("continuation");
      continuation.put("vpcsHandedOver", d.delivered());
      continuation.put("vpcsNotHandedOver", d.failed());
      continuation.put("vpcsLeftToRetry", d.deferred());
    });
    ArrayNode problems = root.putArray("problems");
    // Room for the two counts and the note, written only when something is cut.
    int reserve = OMITTED_NOTE.length() + 64;
    List<Sized> problemNodes = result.problems().stream()
        .map(p -> Sized.of(ReportJson.MAPPER.getNodeFactory().textNode(p))).toList();
    int problemsOmitted = fill(problems, problemNodes,
        Math.min(MAX_PROBLEMS_BYTES, maxBytes - bytes(ReportJson.toJson(root, false)) - reserve));
    int room = maxBytes - bytes(ReportJson.toJson(root, false)) - reserve;
    List<EvaluationResult> nonCompliant = new ArrayList<>(result.evaluations().stream()
        .filter(r -> r.evaluation().nonCompliant()).toList());
    List<Sized> inRunOrder = nonCompliant.stream().map(r -> Sized.of(ReportJson.evaluation(r))).toList();
    List<Sized> nodes = inRunOrder;
    if (inRunOrder.stream().mapToLong(Sized::bytes).sum() > room) {
      // Too many to list: keep the records of changes first (failed, then applied), most severe first.
      Integer[] order = new Integer[nonCompliant.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing(nonCompliant::get, KEEP_FIRST));
      nodes = Arrays.stream(order).map(inRunOrder::get).toList();
    }
    int omitted = fill(findings, nodes, room);
    root.put("omitted", omitted);
    if (problemsOmitted > 0) {
      root.put("problemsOmitted", problemsOmitted);
    }
    if (omitted > 0 || problemsOmitted > 0) {
      root.put("omittedNote", OMITTED_NOTE);
    }
    return root;
  }

  public static String toJson(HandlerResult result) {
    return ReportJson.toJson(toNode(result), false);
  }

  /** How many evaluations have each status, every status named (0 when none). */
  static Map<Status, Integer> byStatus(List<EvaluationResult> evaluations) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    evaluations.forEach(r -> counts.merge(r.evaluation().status(), 1, Integer::sum));
    return counts;
  }

  /** Adds nodes to {@code array} in order while they fit in {@code budget} bytes; returns how many were left out. */
  private static int fill(ArrayNode array, List<Sized> nodes, int budget) {
    long size = 0;
    for (int i = 0; i < nodes.size(); i++) {
      Sized n = nodes.get(i);
      if (size + n.bytes() > budget) {
        return nodes.size() - i;
      }
      size += n.bytes();
      array.add(n.node());
    }
    return 0;
  }

  /** A JSON value and what it adds to the result: its UTF-8 bytes and a separating comma. */
  private record Sized(JsonNode node, int bytes) {
    static Sized of(JsonNode node) {
      return new Sized(node, ResultJson.bytes(node.toString()) + 1);
    }
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
