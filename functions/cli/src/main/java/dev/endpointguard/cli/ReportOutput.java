package dev.endpointguard.cli;

import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanDocument;
import java.io.PrintWriter;

/**
 * {@code scan}'s output, once every scope is done: the {@code endpoint-guard/1} JSON on stdout (what could not be read
 * also on stderr, one line each, for whoever reads the pipeline's log), or the text report for people, which lists
 * those problems itself.
 */
final class ReportOutput {
  private final ScanCommand.Format format;
  private final boolean colour;
  private final boolean all;
  private final PrintWriter out;
  private final PrintWriter err;

  ReportOutput(ScanCommand.Format format, boolean colour, boolean all, PrintWriter out, PrintWriter err) {
    this.format = format;
    this.colour = colour;
    this.all = all;
    this.out = out;
    this.err = err;
  }

  void write(ScanDocument document) {
    switch (format) {
      case json -> {
        document.problems().forEach(p -> err.println("endpoint-guard: " + (p.notEvaluated() ? "not evaluated: "
            : "incomplete: ") + p.describe()));
        err.flush();
        out.println(ReportJson.toJson(ReportJson.report(document), true));
        out.flush();
      }
      case text -> new TextReport(colour, all).print(document, out);
    }
  }
}
