package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  private static String text(ScanDocument document, boolean all) {
    StringWriter out = new StringWriter();
    new TextReport(false, all).print(document, new PrintWriter(out));
    return out.toString();
  }

  @Test
  void severalScopes_aScopeWithNothingToShow_stillHasItsLine() {
    ScanDocument sample = ReportSamples.document();
    ScanReport prod = sample.scopes().get(0);
    // The prod scope's compliant evaluations only: evaluated, nothing found.
    ScanReport clean = new ScanReport(prod.account(), "us-west-2",
        prod.results().stream().filter(r -> !r.evaluation().nonCompliant()).toList());
    // eu-west-1 answered AuthFailure (a scope problem in the sample); ap-south-1 was read and holds no endpoint.
    ScanDocument document = new ScanDocument(sample.generatedAt(), List.of(prod, clean,
        new ScanReport(ReportSamples.SHARED, "eu-west-1", List.of()),
        new ScanReport(ReportSamples.SHARED, "ap-south-1", List.of())), sample.problems());

    String text = text(document, false);

    assertThat(text).contains("\nAccount " + ReportSamples.PROD + " · us-east-1\n")
        .contains("\nAccount " + ReportSamples.PROD + " · us-west-2: no findings (" + clean.results().size()
            + " evaluations)\n")
        .contains("\nAccount " + ReportSamples.SHARED + " · eu-west-1: could not be read (below)\n")
        .contains("\nAccount " + ReportSamples.SHARED + " · ap-south-1: nothing evaluated\n");
    assertThat(text.indexOf("us-west-2: no findings")).isLessThan(text.indexOf("eu-west-1: could not be read"));
    assertThat(text.indexOf("eu-west-1: could not be read")).isLessThan(text.indexOf("Summary:"));
    // With --all, the clean scope lists its evaluations under its heading instead.
    assertThat(text(document, true)).contains("\nAccount " + ReportSamples.PROD + " · us-west-2\n")
        .doesNotContain("us-west-2: no findings");
  }

  @Test
  void oneScope_noFindings_saysSoOnce_withoutAScopeLine() {
    ScanReport prod = ReportSamples.document().scopes().get(0);
    ScanReport clean = new ScanReport(prod.account(), prod.region(),
        prod.results().stream().filter(r -> !r.evaluation().nonCompliant()).toList());

    String text = text(new ScanDocument(ReportSamples.GENERATED, List.of(clean), List.of()), false);

    assertThat(text).contains("No findings. (--all lists every evaluation.)").doesNotContain(" · ");
  }
}
