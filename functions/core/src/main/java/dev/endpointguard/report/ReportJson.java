package dev.endpointguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.plan.Change;
import dev.endpointguard.rules.Evaluation;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The {@code endpoint-guard/1} JSON shapes of DESIGN.md §3: scan report and single evaluations. */
public final class ReportJson {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ReportJson() {
  }

  /**
   * One evaluation as the scan report lists it, with the account and Region it was made in ({@code null} in the JSON
   * when blank: an account the caller could not learn).
   */
  public static ObjectNode evaluation(EvaluationResult result, String account, String region) {
    return evaluation(result, Optional.of(new Where(blankToNull(account), blankToNull(region))));
  }

  /** One evaluation without its scope (a handler's result, whose function serves one account and Region). */
  public static ObjectNode evaluation(EvaluationResult result) {
    return evaluation(result, Optional.empty());
  }

  private record Where(String account, String region) {
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static ObjectNode evaluation(EvaluationResult result, Optional<Where> scope) {
    Evaluation e = result.evaluation();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule", e.rule().id());
    node.put("resourceType", e.resourceType().configName());
    node.put("resourceId", e.resourceId());
    scope.ifPresent(s -> {
      node.put("account", s.account());
      node.put("region", s.region());
    });
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

  /** One scope's report, as a single-scope scan writes it (generated now). */
  public static ObjectNode report(ScanReport report) {
    return report(new ScanDocument(Instant.now(), List.of(report), List.of()));
  }

  /**
   * The {@code endpoint-guard/1} scan report (DESIGN.md §3): version, generatedAt, tool, the single scope's
   * {@code account} and {@code region} (null when the scan covered several), {@code scopes}, every evaluation with its
   * account and Region, {@code problems}, and the summary with {@code notEvaluated}.
   */
  public static ObjectNode report(ScanDocument document) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", ScanReport.VERSION);
    root.put("generatedAt",
        DateTimeFormatter.ISO_INSTANT.format(document.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ToolVersion.NAME);
    tool.put("version", ToolVersion.version());
    Optional<AccountRegion> single = document.singleScope();
    root.put("account", single.map(AccountRegion::account).orElse(null));
    root.put("region", single.map(AccountRegion::region).orElse(null));
    ArrayNode scopes = root.putArray("scopes");
    ArrayNode evaluations = root.putArray("evaluations");
    for (ScanReport scope : document.scopes()) {
      ObjectNode s = scopes.addObject();
      s.put("account", scope.account());
      s.put("region", scope.region());
      scope.results().forEach(r -> evaluations.add(evaluation(r, scope.account(), scope.region())));
    }
    ArrayNode problems = root.putArray("problems");
    for (ReportProblem p : document.problems()) {
      ObjectNode node = problems.addObject();
      node.put("account", p.account().orElse(null));
      node.put("region", p.region().orElse(null));
      node.put("resourceId", p.resourceId().orElse(null));
      node.put("message", p.message());
      // Added within endpoint-guard/1: whether the problem left something out of the evaluation (exit 4).
      node.put("notEvaluated", p.notEvaluated());
    }
    ObjectNode summary = summary(document.summary());
    summary.put("notEvaluated", document.notEvaluated());
    root.set("summary", summary);
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
