package dev.endpointguard.cli;

import static dev.endpointguard.cli.Html.esc;

import dev.endpointguard.plan.AddSubnets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.VpcCoverage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One VPC's endpoint × Availability Zone table for the HTML report: a row per Interface endpoint, a column per AZ id
 * where the VPC has subnets, each cell covered (✓), missing (✗), missing with a plan that adds it (✗ + plan), or added
 * by this run (✓ new) — told by symbol and word, the colour only repeating it.
 */
final class CoverageGrid {
  /** The cell kinds, with their symbol, word and CSS class; the legend lists them in this order. */
  enum Cell {
    COVERED("✓", "covered", "yes"),
    MISSING("✗", "missing", "no"),
    PLANNED("✗", "plan adds", "planned"),
    ADDED("✓", "added now", "added");

    final String symbol;
    final String word;
    final String css;

    Cell(String symbol, String word, String css) {
      this.symbol = symbol;
      this.word = word;
      this.css = css;
    }
  }

  private final VpcCoverage coverage;
  private final Map<String, Set<String>> plannedAzs = new HashMap<>();
  private final Map<String, Set<String>> addedAzs = new HashMap<>();

  /**
   * @param coverage the VPC's coverage, as read before the run acted
   * @param results  the VPC's evaluations: their AddSubnets plans (kept or applied) mark the AZs they add
   */
  CoverageGrid(VpcCoverage coverage, List<EvaluationResult> results) {
    this.coverage = coverage;
    for (EvaluationResult r : results) {
      if (r.outcome() == Outcome.PLANNED) {
        r.evaluation().plan().forEach(c -> mark(plannedAzs, c));
      }
      for (ChangeResult done : r.changes()) {
        if (done.outcome() == Outcome.APPLIED) {
          mark(addedAzs, done.change());
        }
      }
    }
  }

  private static void mark(Map<String, Set<String>> into, Change change) {
    if (change instanceof AddSubnets add) {
      into.computeIfAbsent(add.endpointId(), k -> new TreeSet<>()).addAll(add.azIds());
    }
  }

  /** The legend of the cells, once per page. */
  static void legend(StringBuilder out) {
    out.append("<ul class=\"legend\" id=\"legend\" aria-label=\"Legend of the coverage tables\">\n");
    for (Cell c : Cell.values()) {
      out.append("<li><span class=\"cell ").append(c.css).append("\">").append(c.symbol).append("</span>")
          .append(c.word).append(": ").append(switch (c) {
            case COVERED -> "the endpoint has a subnet (a network interface) in this AZ";
            case MISSING -> "the VPC has subnets in this AZ, the endpoint has none";
            case PLANNED -> "missing; the finding's plan adds a subnet here";
            case ADDED -> "missing before this run; this run added a subnet here";
          }).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  void write(StringBuilder out) {
    if (coverage.zones().isEmpty()) {
      out.append("<p class=\"muted\">The VPC has no subnets that were read.</p>\n");
      return;
    }
    if (coverage.endpoints().isEmpty()) {
      out.append("<p class=\"muted\">No Interface endpoints. The VPC has subnets in ")
          .append(esc(String.join(", ", coverage.azIds()))).append(".</p>\n");
      return;
    }
    out.append("<table class=\"grid\" aria-describedby=\"legend\">\n<caption>Interface endpoints × the ")
        .append(coverage.zones().size()).append(coverage.zones().size() == 1 ? " AZ" : " AZs")
        .append(" where the VPC has subnets</caption>\n<thead><tr><th scope=\"col\">Endpoint</th>");
    for (VpcCoverage.Zone z : coverage.zones()) {
      out.append("<th scope=\"col\"><span class=\"id\">").append(esc(z.azId())).append("</span> <span class=\"az-name\">")
          .append(esc(z.azName())).append("</span></th>");
    }
    out.append("<th scope=\"col\">Covers</th></tr></thead>\n<tbody>\n");
    for (VpcCoverage.EndpointCoverage e : coverage.endpoints()) {
      row(out, e);
    }
    out.append("</tbody>\n</table>\n");
  }

  private void row(StringBuilder out, VpcCoverage.EndpointCoverage e) {
    out.append("<tr data-endpoint=\"").append(esc(e.endpointId())).append("\"><th scope=\"row\"><span class=\"id\">")
        .append(esc(e.endpointId())).append("</span> <span class=\"service\" title=\"").append(esc(e.serviceName()))
        .append("\">").append(esc(shortService(e.serviceName())));
    if (!"available".equals(e.state())) {
      out.append(" (").append(esc(e.state())).append(")");
    }
    out.append("</span></th>");
    Set<String> planned = plannedAzs.getOrDefault(e.endpointId(), Set.of());
    Set<String> added = addedAzs.getOrDefault(e.endpointId(), Set.of());
    for (String az : coverage.azIds()) {
      Cell cell = e.covers(az) ? Cell.COVERED
          : added.contains(az) ? Cell.ADDED
          : planned.contains(az) ? Cell.PLANNED
          : Cell.MISSING;
      out.append("<td class=\"cell ").append(cell.css).append("\" data-az=\"").append(esc(az)).append("\">")
          .append(cell.symbol).append(" <span class=\"word\">").append(cell.word).append("</span></td>");
    }
    // After this run: what it covered plus what this run added; what the plans would add, beside.
    int covered = e.coveredAzIds().size() + (int) added.stream().filter(az -> !e.covers(az)).count();
    long plannedMore = planned.stream().filter(az -> !e.covers(az) && !added.contains(az)).count();
    boolean single = covered <= 1 && coverage.zones().size() > 1;
    out.append("<td class=\"count").append(single ? " single" : "").append("\">").append(covered).append(" of ")
        .append(coverage.zones().size());
    if (plannedMore > 0) {
      out.append("<br><span class=\"muted\">").append(covered + plannedMore).append(" with the plan</span>");
    }
    if (!e.subnetsOfUnknownAz().isEmpty()) {
      out.append("<br><span class=\"muted\">AZ not read for ").append(esc(String.join(", ", e.subnetsOfUnknownAz())))
          .append("</span>");
    }
    out.append("</td></tr>\n");
  }

  /**
   * The part of a service name after {@code com.amazonaws.<region>.} (or {@code com.amazonaws.vpce.<region>.} for an
   * endpoint service): {@code ssm}, {@code ecr.dkr}, {@code vpce-svc-…}; the name itself when it has another shape.
   */
  static String shortService(String serviceName) {
    String[] parts = serviceName.split("\\.", -1);
    int skip = parts.length > 3 && parts[0].equals("com") && parts[1].equals("amazonaws")
        ? (parts[2].equals("vpce") && parts.length > 4 ? 4 : 3) : 0;
    return skip == 0 ? serviceName : String.join(".", List.of(parts).subList(skip, parts.length));
  }
}
