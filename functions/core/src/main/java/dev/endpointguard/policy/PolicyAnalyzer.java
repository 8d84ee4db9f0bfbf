package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Finds the Allow statements of an endpoint policy that let principals outside the trusted accounts and
 * organizations use the endpoint. An endpoint policy only narrows what identity and resource policies grant:
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
public final class PolicyAnalyzer {
  private PolicyAnalyzer() {
  }

  /** An empty document stands for the full-access policy AWS applies to an endpoint without one. */
  public static PolicyAnalysis analyze(String policyJson, TrustedIdentities trust) {
    ParseResult result = PolicyParser.parse(policyJson);
    if (result instanceof ParseFailure failure) {
      return PolicyAnalysis.unparseable(failure.message());
    }
    ParsedPolicy parsed = (ParsedPolicy) result;
    Set<String> notes = new LinkedHashSet<>();
    if (parsed.defaultPolicy()) {
      notes.add("no policy document: AWS applies the default full-access policy");
    }
    List<StatementFinding> findings = new ArrayList<>();
    List<IamStatement> statements = parsed.policy().statements();
    for (int i = 0; i < statements.size(); i++) {
      int index = i + 1;
      judge(index, statements.get(i), trust, notes).ifPresent(reason ->
          findings.add(new StatementFinding(index, StatementLabel.sid(statements.get(index - 1)), reason)));
    }
    return new PolicyAnalysis(Optional.empty(), findings, List.copyOf(notes));
  }

  /**
   * Whether a policy document names an organization in a condition key ({@code aws:PrincipalOrgID},
   * {@code aws:PrincipalOrgPaths}; key names are case-insensitive), so that judging it needs to know which
   * organizations are trusted. A plain text search: a document that merely mentions the key counts too.
   */
  public static boolean namesOrganization(String policyJson) {
    String folded = policyJson.toLowerCase(Locale.ROOT);
    return folded.contains("aws:principalorgid") || folded.contains("aws:principalorgpaths");
  }

  /** Why the statement is broad; empty when it is not. Collects notes of statements that pass. */
  static Optional<String> judge(int index, IamStatement statement, TrustedIdentities trust, Set<String> notes) {
    if (!statement.effect().equals(IamEffect.ALLOW)) {
      return Optional.empty();
    }
    String label = StatementLabel.of(index, statement);
    PerimeterVerdict perimeter = IdentityPerimeter.judge(statement.conditions(), trust);
    if (perimeter.allowsNobody().isPresent()) {
      notes.add(label + " allows no request: " + perimeter.allowsNobody().get());
      return Optional.empty();
    }
    if (perimeter.bounded()) {
      notes.addAll(perimeter.notes());
      return Optional.empty();
    }
    String unbounded = "with no identity-perimeter condition"
        + (perimeter.objections().isEmpty() ? "" : " (" + String.join("; ", perimeter.objections()) + ")");
    return switch (PrincipalScope.of(statement)) {
      case ANY -> SpecificResources.explicitActionsOnSpecificResources(statement)
          ? Optional.empty()
          : Optional.of(label + " allows any principal (*) " + unbounded);
      case MISSING -> SpecificResources.explicitActionsOnSpecificResources(statement)
          ? Optional.empty()
          : Optional.of(label + " has no Principal, which an endpoint policy reads as any principal, " + unbounded);
      case ALL_BUT_LISTED -> SpecificResources.explicitActionsOnSpecificResources(statement)
          ? Optional.empty()
          : Optional.of(label + " uses NotPrincipal, which allows every principal not listed, " + unbounded);
      case NAMED -> {
        List<IamPrincipal> untrusted = PrincipalScope.untrusted(statement, trust);
        yield untrusted.isEmpty()
            ? Optional.empty()
            : Optional.of(label + " grants principals outside the trusted accounts: "
                + untrusted.stream().map(IamPrincipal::id).collect(Collectors.joining(", ")));
      }
    };
  }
}
