package dev.endpointguard.rules;

import dev.endpointguard.plan.Change;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's verdict on one resource: status, a one-line reason, and for NON_COMPLIANT the plan that would fix it
 * (empty when no safe plan exists). {@code vpcId} is the resource's VPC, or {@link #NO_VPC} for a resource in none
 * (an endpoint service).
 */
public record Evaluation(RuleId rule, ResourceType resourceType, String resourceId, String vpcId, Status status,
                         Severity severity, String reason, List<Change> plan) {
  public Evaluation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
    plan = List.copyOf(plan);
    if (status != Status.NON_COMPLIANT && !plan.isEmpty()) {
      throw new IllegalArgumentException("only a NON_COMPLIANT evaluation carries a plan");
    }
  }

  /** The {@code vpcId} of a resource that is in no VPC (an endpoint service). */
  public static final String NO_VPC = "";

  /** The resource's VPC; empty for a resource in none. */
  public Optional<String> vpc() {
    return vpcId.isEmpty() ? Optional.empty() : Optional.of(vpcId);
  }

  public boolean nonCompliant() {
    return status == Status.NON_COMPLIANT;
  }

  /** The same evaluation, NOT_APPLICABLE for the given reason (exemptions, rules turned off). */
  public Evaluation notApplicable(String why) {
    return new Evaluation(rule, resourceType, resourceId, vpcId, Status.NOT_APPLICABLE, severity, why, List.of());
  }
}
