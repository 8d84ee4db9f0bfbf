package dev.endpointguard.report;

import dev.endpointguard.plan.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * One run's results over an account and region.
 *
 * @param coverage the AZ coverage of each VPC the run read (for the HTML report; not part of the JSON report); empty
 *                 when the run read no VPC or its estate was not kept
 */
public record ScanReport(String account, String region, List<EvaluationResult> results,
                         List<VpcCoverage> coverage) {
  public static final String VERSION = "endpoint-guard/1";

  public ScanReport {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    results = List.copyOf(results);
    coverage = List.copyOf(coverage);
  }

  /** A report without coverage. */
  public ScanReport(String account, String region, List<EvaluationResult> results) {
    this(account, region, results, List.of());
  }

  /** Counts over evaluations: how many, how many NON_COMPLIANT, how many plans applied or failed. */
  public record Summary(int evaluated, int nonCompliant, int applied, int failed) {
    /** The counts of {@code results}. */
    public static Summary of(List<EvaluationResult> results) {
      int nonCompliant = 0;
      int applied = 0;
      int failed = 0;
      for (EvaluationResult r : results) {
        if (r.evaluation().nonCompliant()) {
          nonCompliant++;
        }
        if (r.outcome() == Outcome.APPLIED) {
          applied++;
        }
        if (r.outcome() == Outcome.FAILED) {
          failed++;
        }
      }
      return new Summary(results.size(), nonCompliant, applied, failed);
    }
  }

  public Summary summary() {
    return Summary.of(results);
  }


  /** NON_COMPLIANT findings that this run did not fix. */
  public long remainingNonCompliant() {
    return results.stream().filter(EvaluationResult::remainsNonCompliant).count();
  }
}
