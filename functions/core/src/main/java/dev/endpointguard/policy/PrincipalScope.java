package dev.endpointguard.policy;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** Who a statement's Principal or NotPrincipal element lets through, before its conditions. */
enum PrincipalScope {
  /** {@code "*"}, {@code {"AWS":"*"}}, or a list holding {@code "*"}. */
  ANY,
  /** No Principal element: an endpoint policy reads it as any principal. */
  MISSING,
  /** NotPrincipal: every principal except those listed. */
  ALL_BUT_LISTED,
  /** Named principals only. */
  NAMED;

  static PrincipalScope of(IamStatement statement) {
    if (!statement.notPrincipals().isEmpty()) {
      return ALL_BUT_LISTED;
    }
    if (statement.principals().isEmpty()) {
      return MISSING;
    }
    return statement.principals().stream().anyMatch(PrincipalScope::isAny) ? ANY : NAMED;
  }

  static boolean isAny(IamPrincipal principal) {
    return principal.equals(IamPrincipal.ALL)
        || (principal.type().equals(IamPrincipalType.AWS) && principal.id().equals("*"));
  }

  /** Named principals that cannot be tied to a trusted account; service principals are not accounts. */
  static List<IamPrincipal> untrusted(IamStatement statement, TrustedIdentities trust) {
    return statement.principals().stream().filter(p -> !trusted(p, trust)).toList();
  }

  static boolean trusted(IamPrincipal principal, TrustedIdentities trust) {
    if (principal.type().equals(IamPrincipalType.SERVICE)) {
      return true;
    }
    if (isAny(principal)) {
      return false;
    }
    Optional<String> account = ArnAccount.isAccountId(principal.id()) && principal.type().equals(IamPrincipalType.AWS)
        ? Optional.of(principal.id())
        : ArnAccount.of(principal.id());
    return account.isPresent() && trust.trustsAccount(account.get());
  }
}
