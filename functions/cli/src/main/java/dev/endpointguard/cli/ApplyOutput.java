package dev.endpointguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.engine.ApplyResult;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.PlanFile;
import dev.endpointguard.report.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code apply}'s output on stdout: per change of the plan file, in file order, its outcome and why, and the rollback
 * command of each change applied; then a summary line. As text for people, or as {@code endpoint-guard-apply/1} JSON
 * (docs/plan-file.md).
 */
final class ApplyOutput {
  static final String VERSION = "endpoint-guard-apply/1";
  private static final ObjectMapper JSON = ReportJson.MAPPER;

  private final boolean json;

  ApplyOutput(boolean json) {
    this.json = json;
  }

  void print(Path file, ApplyResult result, PrintWriter out) {
    if (json) {
      out.println(ReportJson.toJson(json(result), true));
    } else {
      text(file, result, out);
    }
    out.flush();
  }

  private static void text(Path file, ApplyResult result, PrintWriter out) {
    PlanFile plan = result.plan();
    out.printf("endpoint-guard apply of %s (scanned %s) to account %s in %s%n%n", file, plan.generatedAt(),
        plan.account(), plan.region());
    if (result.changes().isEmpty()) {
      out.println("The plan has no changes.");
    }
    for (ApplyResult.Applied a : result.changes()) {
      Change c = a.result().change();
      out.printf("%-17s %s (%s on %s)%n", a.result().outcome().name(), c.describe(), a.entry().rule().id(),
          a.entry().resourceId());
      a.result().detail().ifPresent(d -> out.printf("    %s%n", d));
      if (a.result().outcome() == Outcome.APPLIED) {
        out.printf("    rollback: %s%n", c.rollback());
      }
    }
    out.printf("%n%d change%s: %s%n", result.changes().size(), result.changes().size() == 1 ? "" : "s",
        summary(result));
  }

  private static String summary(ApplyResult r) {
    return r.count(Outcome.APPLIED) + " applied, " + r.count(Outcome.ALREADY_IN_EFFECT) + " already in effect, "
        + r.count(Outcome.SKIPPED) + " skipped, " + r.count(Outcome.FAILED) + " failed, "
        + r.count(Outcome.NOT_ATTEMPTED) + " not attempted";
  }

  private static ObjectNode json(ApplyResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("plan", result.plan().digest());
    root.put("account", result.plan().account());
    root.put("region", result.plan().region());
    ArrayNode changes = root.putArray("changes");
    for (ApplyResult.Applied a : result.changes()) {
      Change c = a.result().change();
      ObjectNode node = changes.addObject();
      node.put("rule", a.entry().rule().id());
      node.put("resourceId", a.entry().resourceId());
      node.put("change", c.kind().reportName());
      node.put("target", c.target());
      node.put("outcome", a.result().outcome().name());
      if (a.result().detail().isPresent()) {
        node.put("reason", a.result().detail().get());
      } else {
        node.putNull("reason");
      }
      node.put("rollback", c.rollback());
    }
    ObjectNode summary = root.putObject("summary");
    for (Outcome o : Outcome.CHANGE) {
      summary.put(o.name(), result.count(o));
    }
    return root;
  }
}
