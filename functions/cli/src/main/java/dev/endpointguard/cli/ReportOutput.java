package dev.endpointguard.cli;

import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanDocument;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code scan}'s output, once every scope is done: the {@code endpoint-guard/1} JSON or the HTML page on stdout (what
 * could not be read also on stderr, one line each, for whoever reads the pipeline's log), or the text report for
 * people, which lists those problems itself.
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
        problemsToStderr(document);
        out.println(ReportJson.toJson(ReportJson.report(document), true));
        out.flush();
      }
      case html -> {
        problemsToStderr(document);
        out.print(HtmlReport.render(document));
        out.flush();
      }
      case text -> new TextReport(colour, all).print(document, out);
    }
  }

  private void problemsToStderr(ScanDocument document) {
    document.problems().forEach(p -> err.println("endpoint-guard: " + (p.notEvaluated() ? "not evaluated: "
        : "incomplete: ") + p.describe()));
    err.flush();
  }

  /**
   * {@code --html FILE}: the HTML page to a file, beside whatever the format writes on stdout; it appears whole or not
   * at all (written beside it, then moved).
   *
   * @throws java.io.UncheckedIOException when the file cannot be written (scan then exits 1)
   */
  static void writeHtml(ScanDocument document, Path file) {
    WholeFile.write(file, HtmlReport.render(document), "HTML report");
  }
}
