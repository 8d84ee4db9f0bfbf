package dev.endpointguard.report;

import dev.endpointguard.model.AccountRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a scan could not read, as the {@code problems} of the {@code endpoint-guard/1} report list it: a scope
 * (an account or a Region that could not be read: no resource id) or one resource of a scope.
 *
 * @param account      the account it concerns; empty when the account itself is unknown (an organization not listed)
 * @param region       the Region it concerns; empty for an account-wide problem (a role that could not be assumed)
 * @param resourceId   the resource; empty when the whole account or Region is concerned
 * @param message      one line for people: what could not be read and why (the AWS error code where there is one)
 * @param notEvaluated true when something in scope was left out of the evaluation (the scan then exits 4 unless a
 *                     finding remains); false when it was evaluated without some facts, its verdict saying which
 */
public record ReportProblem(Optional<String> account, Optional<String> region, Optional<String> resourceId,
                            String message, boolean notEvaluated) {
  public ReportProblem {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(message, "message");
  }

  /** Something of the whole scan, of no one account: the organization's accounts could not be listed. */
  public static ReportProblem general(String message) {
    return new ReportProblem(Optional.empty(), Optional.empty(), Optional.empty(), message, true);
  }

  /** A whole scope (an account in a Region) could not be read. */
  public static ReportProblem scope(AccountRegion scope, String message) {
    return new ReportProblem(Optional.of(scope.account()), Optional.of(scope.region()), Optional.empty(), message,
        true);
  }

  /** A whole account could not be read (a role that could not be assumed, its Regions not listed). */
  public static ReportProblem account(String account, String message) {
    return new ReportProblem(Optional.of(account), Optional.empty(), Optional.empty(), message, true);
  }

  /** One resource of a scope: left out, or evaluated without some facts. */
  public static ReportProblem resource(AccountRegion scope, String resourceId, String message, boolean notEvaluated) {
    return new ReportProblem(Optional.of(scope.account()), Optional.of(scope.region()), Optional.of(resourceId),
        message, notEvaluated);
  }

  /** One line for people: {@code 123456789012/us-east-1 vpce-0abc: message}. */
  public String describe() {
    StringBuilder where = new StringBuilder();
    account.ifPresent(a -> where.append(a));
    region.ifPresent(r -> where.append(where.isEmpty() ? "" : "/").append(r));
    resourceId.ifPresent(id -> where.append(where.isEmpty() ? "" : " ").append(id));
    return (where.isEmpty() ? "" : where + ": ") + message;
  }
}
