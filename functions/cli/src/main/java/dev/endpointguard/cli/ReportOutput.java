package dev.endpointguard.cli;

import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.report.ReportJson;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code scan}'s output: what could not be read on stderr (one line each), then the report on stdout, as the
 * {@code endpoint-guard/1} JSON or as a table for people.
 */
final class ReportOutput implements Sink {
  static final String NAME = "output";

  private final boolean json;
  private final boolean colour;
  private final PrintWriter out;
  private final PrintWriter err;

  ReportOutput(boolean json, boolean colour, PrintWriter out, PrintWriter err) {
    this.json = json;
    this.colour = colour;
    this.out = out;
    this.err = err;
  }

  @Override
  public Delivery deliver(Run run) {
    List<InventoryProblem> problems = run.problems();
    problems.forEach(p -> err.println("endpoint-guard: " + (p.leftOut() ? "not evaluated: " : "incomplete: ")
        + p.resourceId() + ": " + p.problem()));
    err.flush();
    if (json) {
      out.println(ReportJson.toJson(ReportJson.report(run.report()), true));
      out.flush();
    } else {
      new TextReport(colour).print(run.report(), out);
    }
    return new Delivery(NAME, run.results().size(), 0, 0, List.of());
  }
}
