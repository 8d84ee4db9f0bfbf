package dev.endpointguard.engine;

import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.report.VpcCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one run found and did: an evaluation (with its outcome) per rule and resource evaluated, what the inventory
 * could not read, and the changes that failed in a way a retry could fix (throttling, an AWS 5xx). Sinks take it from
 * here; nothing in it is recomputed downstream.
 *
 * @param scope    the account and Region that were read
 * @param coverage the AZ coverage of each VPC the inventory read ({@link VpcCoverage#of}); empty when none was read
 */
public record Run(Request request, AccountRegion scope, List<EvaluationResult> results,
                  List<InventoryProblem> problems, List<String> retryableFailures, List<VpcCoverage> coverage) {
  public Run {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(scope, "scope");
    results = List.copyOf(results);
    problems = List.copyOf(problems);
    retryableFailures = List.copyOf(retryableFailures);
    coverage = List.copyOf(coverage);
  }

  /** A run without coverage (nothing was read, or the estate was not kept). */
  public Run(Request request, AccountRegion scope, List<EvaluationResult> results, List<InventoryProblem> problems,
             List<String> retryableFailures) {
    this(request, scope, results, problems, retryableFailures, List.of());
  }

  /** A change failed in a way a later attempt can fix: a Lambda handler throws so that Lambda retries the event. */
  public boolean retryable() {
    return !retryableFailures.isEmpty();
  }

  /** The run as the {@code endpoint-guard/1} scan report shows it. */
  public ScanReport report() {
    return new ScanReport(scope.account(), scope.region(), results, coverage);
  }

  /** The same run with {@code more} results after its own (e.g. a Config rule's verdict on a resource gone). */
  public Run with(List<EvaluationResult> more) {
    List<EvaluationResult> all = new ArrayList<>(results);
    all.addAll(more);
    return new Run(request, scope, all, problems, retryableFailures, coverage);
  }
}
