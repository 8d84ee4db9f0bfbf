package dev.endpointguard.report;

import dev.endpointguard.model.AccountRegion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scan of one or more scopes (account × Region) found: the {@code endpoint-guard/1} report of DESIGN.md §3.
 *
 * @param generatedAt when the scan finished
 * @param scopes      the scopes scanned, each with its evaluations, in the order they were asked for; a scope that
 *                    could not be read has no evaluations and a problem
 * @param problems    what could not be read, every scope's, in scope order
 */
public record ScanDocument(Instant generatedAt, List<ScanReport> scopes, List<ReportProblem> problems) {
  public ScanDocument {
    Objects.requireNonNull(generatedAt, "generatedAt");
    scopes = List.copyOf(scopes);
    problems = List.copyOf(problems);
  }

  /** The one scope, when the scan covered exactly one: the report's top-level {@code account} and {@code region}. */
  public Optional<AccountRegion> singleScope() {
    return scopes.size() == 1
        ? Optional.of(new AccountRegion(scopes.get(0).account(), scopes.get(0).region()))
        : Optional.empty();
  }

  /** Every evaluation, scope after scope. */
  public List<EvaluationResult> results() {
    return scopes.stream().flatMap(s -> s.results().stream()).toList();
  }

  public ScanReport.Summary summary() {
    return ScanReport.Summary.of(results());
  }

  /** NON_COMPLIANT findings this scan did not fix, over every scope. */
  public long remainingNonCompliant() {
    return scopes.stream().mapToLong(ScanReport::remainingNonCompliant).sum();
  }

  /** How many things in scope were left out of the evaluation (resources, Regions, accounts). */
  public long notEvaluated() {
    return problems.stream().filter(ReportProblem::notEvaluated).count();
  }
}
