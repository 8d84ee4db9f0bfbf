package dev.endpointguard.cli;

import static dev.endpointguard.cli.Html.esc;

import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.report.ToolVersion;
import dev.endpointguard.report.VpcCoverage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scan report as one self-contained HTML5 page, to open or forward: the summary (counts and the monthly cost of
 * the planned and the applied changes), what could not be evaluated, and per account, Region and VPC the table of
 * which Availability Zones each Interface endpoint covers beside that VPC's findings with their plans, impact, rollback
 * and cost. Findings not tied to a VPC have their own part. The page has its style inline and no script, image, font
 * or link to anything outside it, so it shows the same offline, in a mail client or attached to a ticket; every string
 * that came from AWS (ids, tags, reasons quoting policies) is escaped.
 */
public final class HtmlReport {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);
  private static final String CSS = css();

  private final ScanDocument document;
  private final StringBuilder out = new StringBuilder(32_768);

  private HtmlReport(ScanDocument document) {
    this.document = document;
  }

  /**
   * The page for {@code document}.
   *
   * @return a complete HTML5 document (UTF-8 text, {@code <!DOCTYPE html>} first), with no external reference
   */
  public static String render(ScanDocument document) {
    return new HtmlReport(document).page();
  }

  private String page() {
    String when = WHEN.format(document.generatedAt().truncatedTo(ChronoUnit.SECONDS));
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"").append(esc(ToolVersion.NAME + " " + ToolVersion.version()))
        .append("\">\n<title>").append(esc(ToolVersion.NAME)).append(" scan report, ").append(when)
        .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(esc(ToolVersion.NAME)).append(" scan report</h1>\n<p class=\"meta\">Generated ").append(when)
        .append(" by ").append(esc(ToolVersion.NAME)).append(" ").append(esc(ToolVersion.version())).append(". ")
        .append(esc(scopesLine())).append("</p>\n</header>\n<main>\n");
    summary();
    problems();
    index();
    estate();
    out.append("</main>\n<footer>AZ ids (use1-az1) name the same physical zone in every account; the AZ names beside")
        .append(" them are the scanned account's own mapping. Costs are in USD per month, as each plan states them")
        .append(" (endpoint AZ-hours at the configured price). Nothing on this page was fetched from the network.")
        .append("</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  private String scopesLine() {
    Map<String, List<String>> regions = new LinkedHashMap<>();
    document.scopes().forEach(s -> regions.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s.region()));
    if (regions.isEmpty()) {
      return "Nothing was scanned.";
    }
    return "Scanned: " + regions.entrySet().stream()
        .map(e -> "account " + e.getKey() + " in " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("; ")) + ".";
  }

  private void summary() {
    ScanReport.Summary s = document.summary();
    long remaining = document.remainingNonCompliant();
    BigDecimal planned = document.results().stream().filter(r -> r.outcome() == Outcome.PLANNED)
        .map(r -> FindingHtml.cost(r.evaluation().plan())).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal applied = document.results().stream()
        .map(r -> FindingHtml.cost(r.appliedChanges())).reduce(BigDecimal.ZERO, BigDecimal::add);
    out.append("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n")
        .append("<dl class=\"tiles\">\n");
    tile("evaluated", "Evaluated", String.valueOf(s.evaluated()), "");
    tile("non-compliant", "Non-compliant", String.valueOf(s.nonCompliant()), s.nonCompliant() > 0 ? "bad" : "good");
    tile("remaining", "Still non-compliant", String.valueOf(remaining), remaining > 0 ? "bad" : "good");
    tile("applied", "Applied", String.valueOf(s.applied()), "");
    tile("failed", "Failed", String.valueOf(s.failed()), s.failed() > 0 ? "bad" : "");
    tile("not-evaluated", "Not evaluated", String.valueOf(document.notEvaluated()),
        document.notEvaluated() > 0 ? "bad" : "");
    tile("planned-cost", "Planned changes, per month", FindingHtml.usd(planned), "");
    tile("applied-cost", "Applied this run, per month", FindingHtml.usd(applied), "");
    out.append("</dl>\n<p class=\"verdict\">").append(esc(verdict(remaining, planned))).append("</p>\n</section>\n");
  }

  private void tile(String key, String label, String value, String css) {
    out.append("<div class=\"tile").append(css.isEmpty() ? "" : " " + css).append("\" data-key=\"").append(key)
        .append("\"><dt>").append(label).append("</dt><dd>").append(esc(value)).append("</dd></div>\n");
  }

  private String verdict(long remaining, BigDecimal planned) {
    long notEvaluated = document.notEvaluated();
    String open = remaining == 0 ? "Nothing NON_COMPLIANT remains."
        : remaining + (remaining == 1 ? " finding remains" : " findings remain") + " NON_COMPLIANT"
            + (planned.signum() > 0 ? "; applying the planned changes adds " + FindingHtml.usd(planned)
            + " a month." : ".");
    return open + (notEvaluated == 0 ? ""
        : " " + notEvaluated + (notEvaluated == 1 ? " thing" : " things") + " in scope could not be evaluated.");
  }

  private void problems() {
    out.append("<section id=\"problems\" aria-labelledby=\"problems-h\">\n<h2 id=\"problems-h\">")
        .append("What could not be evaluated</h2>\n");
    if (document.problems().isEmpty()) {
      out.append("<p class=\"none\">Everything in scope was read.</p>\n</section>\n");
      return;
    }
    out.append("<ul class=\"problems\">\n");
    for (ReportProblem p : document.problems()) {
      out.append("<li>").append(p.notEvaluated() ? "<strong>Left out</strong>: " : "Evaluated without some facts: ")
          .append(esc(p.describe())).append("</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  /** A VPC of a scope: its coverage when read, and its evaluations. */
  private record VpcPart(ScanReport scope, String vpcId, Optional<VpcCoverage> coverage,
                         List<EvaluationResult> results) {
    String anchor() {
      return Html.id("vpc", scope.account(), scope.region(), vpcId);
    }
  }

  /** The VPCs of a scope: those whose coverage was read, in that order, then any other a finding names. */
  private static List<VpcPart> vpcs(ScanReport scope) {
    Map<String, VpcCoverage> coverage = scope.coverage().stream()
        .collect(Collectors.toMap(VpcCoverage::vpcId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Set<String> ids = new LinkedHashSet<>(coverage.keySet());
    scope.results().stream().map(r -> r.evaluation().vpcId()).filter(id -> !id.isBlank()).sorted()
        .forEach(ids::add);
    return ids.stream().map(id -> new VpcPart(scope, id, Optional.ofNullable(coverage.get(id)),
        scope.results().stream().filter(r -> r.evaluation().vpcId().equals(id)).toList())).toList();
  }

  private void index() {
    List<VpcPart> all = document.scopes().stream().flatMap(s -> vpcs(s).stream()).toList();
    if (all.isEmpty()) {
      return;
    }
    out.append("<section id=\"index\" aria-labelledby=\"index-h\">\n<h2 id=\"index-h\">VPCs</h2>\n<table class=\"index\">\n")
        .append("<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Region</th><th scope=\"col\">VPC</th>")
        .append("<th scope=\"col\" class=\"num\">AZs with subnets</th>")
        .append("<th scope=\"col\" class=\"num\">Interface endpoints</th>")
        .append("<th scope=\"col\" class=\"num\">Endpoints not in every AZ of the VPC</th>")
        .append("<th scope=\"col\" class=\"num\">Still non-compliant</th>")
        .append("<th scope=\"col\" class=\"num\">Planned, per month</th></tr></thead>\n<tbody>\n");
    for (VpcPart v : all) {
      String azs = v.coverage().map(c -> String.valueOf(c.zones().size())).orElse("not read");
      String endpoints = v.coverage().map(c -> String.valueOf(c.endpoints().size())).orElse("not read");
      String missing = v.coverage().map(c -> String.valueOf(c.endpoints().stream()
          .filter(e -> !c.missingAzIds(e).isEmpty()).count())).orElse("not read");
      long remaining = v.results().stream().filter(EvaluationResult::remainsNonCompliant).count();
      BigDecimal planned = v.results().stream().filter(r -> r.outcome() == Outcome.PLANNED)
          .map(r -> FindingHtml.cost(r.evaluation().plan())).reduce(BigDecimal.ZERO, BigDecimal::add);
      out.append("<tr><td class=\"id\">").append(esc(v.scope().account())).append("</td><td>")
          .append(esc(v.scope().region())).append("</td><td><a class=\"id\" href=\"#").append(v.anchor()).append("\">")
          .append(esc(v.vpcId())).append("</a></td><td class=\"num\">").append(azs).append("</td><td class=\"num\">")
          .append(endpoints).append("</td><td class=\"num\">").append(missing).append("</td><td class=\"num\">")
          .append(remaining).append("</td><td class=\"num\">").append(FindingHtml.usd(planned)).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n<p>In the coverage tables below, each row is an Interface endpoint and each column")
        .append(" an AZ where its VPC has subnets:</p>\n");
    CoverageGrid.legend(out);
    out.append("</section>\n");
  }

  private void estate() {
    Map<String, List<ScanReport>> byAccount = new LinkedHashMap<>();
    document.scopes().forEach(s -> byAccount.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s));
    if (byAccount.isEmpty()) {
      return;
    }
    byAccount.forEach((account, scopes) -> {
      out.append("<section class=\"account\" id=\"").append(Html.id("account", account)).append("\">\n<h2>Account ")
          .append("<span class=\"id\">").append(esc(account)).append("</span></h2>\n");
      scopes.forEach(this::region);
      out.append("</section>\n");
    });
  }

  private void region(ScanReport scope) {
    out.append("<section class=\"region\" id=\"").append(Html.id("region", scope.account(), scope.region()))
        .append("\">\n<h3>").append(esc(scope.region())).append(" <span class=\"muted\">(account ")
        .append(esc(scope.account())).append(")</span></h3>\n");
    List<ReportProblem> unread = document.problems().stream()
        .filter(p -> p.account().equals(Optional.of(scope.account())) && p.resourceId().isEmpty()
            && (p.region().isEmpty() || p.region().equals(Optional.of(scope.region()))))
        .toList();
    unread.forEach(p -> out.append("<p><strong>Not read:</strong> ").append(esc(p.message())).append("</p>\n"));
    List<VpcPart> vpcs = vpcs(scope);
    List<EvaluationResult> loose = scope.results().stream().filter(r -> r.evaluation().vpcId().isBlank()).toList();
    if (vpcs.isEmpty() && loose.isEmpty() && unread.isEmpty()) {
      out.append("<p class=\"muted\">No VPC endpoints in scope.</p>\n");
    }
    vpcs.forEach(this::vpc);
    if (!loose.isEmpty()) {
      out.append("<article class=\"vpc\" id=\"").append(Html.id("other", scope.account(), scope.region()))
          .append("\">\n<h4>Findings not tied to a VPC</h4>\n<div class=\"findings\">\n");
      FindingHtml.findings(out, loose);
      out.append("</div>\n");
      FindingHtml.allEvaluations(out, loose, "resources not tied to a VPC");
      out.append("</article>\n");
    }
    out.append("</section>\n");
  }

  private void vpc(VpcPart v) {
    out.append("<article class=\"vpc\" id=\"").append(v.anchor()).append("\" data-vpc=\"").append(esc(v.vpcId()))
        .append("\">\n<h4>VPC <span class=\"id\">").append(esc(v.vpcId())).append("</span> <span class=\"muted\">")
        .append(esc(v.scope().region())).append(", account ").append(esc(v.scope().account()))
        .append("</span></h4>\n<div class=\"vpc-body\">\n<div class=\"coverage\">\n");
    if (v.coverage().isPresent()) {
      new CoverageGrid(v.coverage().get(), v.results()).write(out);
    } else {
      out.append("<p class=\"muted\">The VPC's subnets and endpoints were not read in this scan.</p>\n");
    }
    out.append("</div>\n<div class=\"findings\">\n");
    FindingHtml.findings(out, v.results());
    out.append("</div>\n</div>\n");
    FindingHtml.allEvaluations(out, v.results(), "this VPC");
    out.append("</article>\n");
  }

  private static String css() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("html-report.css")) {
      if (in == null) {
        throw new IllegalStateException("html-report.css is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
