package dev.endpointguard.policy;

import java.util.Objects;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * A policy document read by the IAM policy builder.
 *
 * @param policy           the statements
 * @param effectiveVersion the policy language version AWS applies: the document's, or 2008-10-17 when absent
 * @param defaultPolicy    true when the document was empty and AWS's full-access default stands in for it
 */
record ParsedPolicy(IamPolicy policy, String effectiveVersion, boolean defaultPolicy) implements ParseResult {
  ParsedPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(effectiveVersion, "effectiveVersion");
  }
}
