package dev.endpointguard.policy;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Proves that a replacement endpoint policy allows nothing the previous one denied: every new Allow statement is
 * an old Allow statement narrowed (actions and resources narrowed to patterns the old ones include, condition blocks
 * added, principals removed), and every old Deny statement is still there unchanged (and no other Deny appears,
 * since a Deny with fewer conditions or principals changes too). A request the new policy allows then meets a new
 * Allow, hence the old Allow it came from, and no Deny it did not meet before.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class NarrowingCheck {
  private NarrowingCheck() {
  }

  /** Empty when the new policy is provably no wider than the old one; otherwise one line saying why not. */
  public static Optional<String> violation(String oldPolicyJson, String newPolicyJson) {
    ParseResult oldResult = PolicyParser.parse(oldPolicyJson);
    if (oldResult instanceof ParseFailure failure) {
      return Optional.of("the previous policy cannot be read: " + failure.message());
    }
    ParseResult newResult = PolicyParser.parse(newPolicyJson);
    if (newResult instanceof ParseFailure failure) {
      return Optional.of("the new policy cannot be read: " + failure.message());
    }
    ParsedPolicy before = (ParsedPolicy) oldResult;
    ParsedPolicy after = (ParsedPolicy) newResult;
    // Policy variables are read only in version 2012-10-17; in 2008-10-17 "${...}" is a literal:
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    if (!before.effectiveVersion().equals(after.effectiveVersion()) && oldPolicyJson.contains("${")) {
      return Optional.of("the policy version changes from " + before.effectiveVersion() + " to "
          + after.effectiveVersion() + ", which changes how the policy variables of the previous policy are read");
    }
    List<IamStatement> oldStatements = before.policy().statements();
    List<IamStatement> newStatements = after.policy().statements();
    List<StatementShape> oldDenies = shapes(oldStatements, IamEffect.DENY);
    List<StatementShape> newDenies = shapes(newStatements, IamEffect.DENY);
    for (int i = 0; i < oldStatements.size(); i++) {
      IamStatement old = oldStatements.get(i);
      if (old.effect().equals(IamEffect.DENY) && !newDenies.contains(StatementShape.of(old))) {
        return Optional.of("Deny " + StatementLabel.of(i + 1, old) + " of the previous policy is missing or changed");
      }
    }
    List<StatementShape> oldAllows = shapes(oldStatements, IamEffect.ALLOW);
    for (int i = 0; i < newStatements.size(); i++) {
      IamStatement statement = newStatements.get(i);
      StatementShape shape = StatementShape.of(statement);
      String label = "new " + StatementLabel.of(i + 1, statement);
      if (statement.effect().equals(IamEffect.DENY)) {
        if (!oldDenies.contains(shape)) {
          return Optional.of(label + " is a Deny the previous policy does not have");
        }
        continue;
      }
      Optional<String> mismatch = closestMismatch(shape, oldAllows);
      if (mismatch.isPresent()) {
        return Optional.of(label + " is not a previous Allow statement narrowed (actions or resources narrowed,"
            + " conditions added, principals removed): " + mismatch.get());
      }
    }
    return Optional.empty();
  }

  private static List<StatementShape> shapes(List<IamStatement> statements, IamEffect effect) {
    return statements.stream().filter(s -> s.effect().equals(effect)).map(StatementShape::of).toList();
  }

  /** Empty when some old Allow statement covers the new one; else the mismatch with the most alike old one. */
  private static Optional<String> closestMismatch(StatementShape shape, List<StatementShape> oldAllows) {
    Optional<String> first = Optional.of("the previous policy has no Allow statement");
    Optional<String> sameScope = Optional.empty();
    for (int i = 0; i < oldAllows.size(); i++) {
      StatementShape old = oldAllows.get(i);
      Optional<String> mismatch = shape.wideningAgainst(old);
      if (mismatch.isEmpty()) {
        return mismatch;
      }
      first = i == 0 ? mismatch : first;
      if (sameScope.isEmpty() && shape.withinScopeOf(old)) {
        sameScope = mismatch;
      }
    }
    return sameScope.isPresent() ? sameScope : first;
  }
}
