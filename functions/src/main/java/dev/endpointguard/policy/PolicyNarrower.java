package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Writes a narrowed copy of a broad endpoint policy: each broad any-principal statement becomes one copy bounded to
 * the trusted identities and one bounded to AWS services acting on the caller's behalf; untrusted named principals
 * are dropped; Deny statements stay as they are. Conditions are only ever added, never merged into existing ones.
 */
public final class PolicyNarrower {
  private static final String VERSION = "2012-10-17";
  // Operators that compare a single-valued key with fixed values alike; when one already holds the key,
  // adding values to it would widen it (values are ORed), so the next one takes the new block (blocks are ANDed).
  private static final List<String> EQUALITY_OPERATORS = List.of("StringEquals", "StringEqualsIgnoreCase",
      "StringLike", "ForAnyValue:StringEquals", "ForAnyValue:StringLike");
  private static final String SERVICE_OPERATOR = "Bool";

  private PolicyNarrower() {
  }

  /**
   * The narrowed policy as compact JSON; empty when the policy cannot be parsed, nothing is broad, no identity is
   * trusted, or no narrowing passes {@link NarrowingCheck} and the analyser.
   */
  public static Optional<String> narrow(String policyJson, TrustedIdentities trust) {
    if (!(PolicyParser.parse(policyJson) instanceof ParsedPolicy parsed)) {
      return Optional.empty();
    }
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policyJson, trust);
    if (!analysis.broad() || (trust.accountIds().isEmpty() && trust.orgIds().isEmpty())) {
      return Optional.empty();
    }
    Set<Integer> broad = analysis.broadStatements().stream().map(StatementFinding::index).collect(Collectors.toSet());
    List<IamStatement> statements = parsed.policy().statements();
    StatementIds ids = new StatementIds(statements);
    List<IamStatement> narrowed = new ArrayList<>();
    List<Integer> dropped = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      int index = i + 1;
      IamStatement statement = statements.get(i);
      if (!broad.contains(index)) {
        narrowed.add(statement);
      } else if (PrincipalScope.of(statement) == PrincipalScope.NAMED) {
        List<IamPrincipal> kept = statement.principals().stream()
            .filter(p -> PrincipalScope.trusted(p, trust)).toList();
        if (kept.isEmpty()) {
          dropped.add(index);
        } else {
          narrowed.add(statement.copy(b -> b.principals(kept)));
        }
      } else {
        Optional<IamStatement> identity = boundToTrustedIdentities(statement, trust);
        if (identity.isEmpty()) {
          return Optional.empty();
        }
        narrowed.add(identity.get().copy(b -> b.sid(ids.derive(index, statement, "TrustedIdentities"))));
        boundToAwsServices(statement)
            .ifPresent(s -> narrowed.add(s.copy(b -> b.sid(ids.derive(index, statement, "AwsServices")))));
      }
    }
    if (narrowed.isEmpty()) {
      // A policy needs a statement; the first dropped one, bounded to trusted identities, matches no one it named.
      Optional<IamStatement> kept = boundToTrustedIdentities(statements.get(dropped.get(0) - 1), trust);
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      narrowed.add(kept.get());
    }
    String json = IamPolicy.builder().version(VERSION).id(parsed.policy().id()).statements(narrowed).build().toJson();
    boolean proven = NarrowingCheck.violation(policyJson, json).isEmpty()
        && !PolicyAnalyzer.analyze(json, trust).broad();
    return proven ? Optional.of(json) : Optional.empty();
  }

  /** The statement ANDed with "the principal is in a trusted org" (or account, when no org is trusted). */
  private static Optional<IamStatement> boundToTrustedIdentities(IamStatement statement, TrustedIdentities trust) {
    boolean byOrg = !trust.orgIds().isEmpty();
    String key = byOrg ? IdentityPerimeter.ORG_ID : IdentityPerimeter.ACCOUNT;
    Set<String> values = new TreeSet<>(byOrg ? trust.orgIds() : trust.accountIds());
    Set<String> present = ConditionBlock.of(statement.conditions()).stream().map(ConditionBlock::id)
        .collect(Collectors.toSet());
    return EQUALITY_OPERATORS.stream()
        .filter(op -> !present.contains(ConditionBlock.id(op, key)))
        .findFirst()
        .map(op -> statement.copy(b -> b.addConditions(op, key, values)));
  }

  /**
   * The statement ANDed with "the caller is an AWS service", so services acting for the account keep working:
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
   * Empty when the statement already has that block: its values cannot be changed without widening it.
   */
  private static Optional<IamStatement> boundToAwsServices(IamStatement statement) {
    boolean present = ConditionBlock.of(statement.conditions()).stream()
        .anyMatch(b -> b.id().equals(ConditionBlock.id(SERVICE_OPERATOR, IdentityPerimeter.IS_AWS_SERVICE)));
    return present
        ? Optional.empty()
        : Optional.of(statement.copy(b -> b.addCondition(SERVICE_OPERATOR, IdentityPerimeter.IS_AWS_SERVICE, "true")));
  }
}
