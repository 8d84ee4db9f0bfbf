package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

/**
 * Writes a narrowed copy of a broad endpoint policy, and says what it takes away. Each broad any-principal statement
 * becomes a copy bounded to the trusted identities, a copy bounded to AWS service principals, and, on an S3 endpoint,
 * a copy limited to reading the AWS-owned buckets AWS documents as needed through the endpoint ({@link
 * AwsOwnedBuckets}); a statement that admitted only untrusted identities is removed instead (bounding it would leave
 * a statement no request meets). Untrusted named principals are dropped; Deny statements stay as they are. Every
 * copy only adds condition blocks or narrows actions and resources, which {@link NarrowingCheck} proves.
 */
public final class PolicyNarrower {
  /** An endpoint policy cannot exceed 20,480 characters: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html */
  static final int MAX_POLICY_CHARACTERS = 20_480;
  private static final String VERSION = "2012-10-17";
  // Operators that compare a single-valued key with fixed values alike; when one already holds the key,
  // adding values to it would widen it (values are ORed), so the next one takes the new block (blocks are ANDed).
  private static final List<String> EQUALITY_OPERATORS = List.of("StringEquals", "StringEqualsIgnoreCase",
      "StringLike", "ForAnyValue:StringEquals", "ForAnyValue:StringLike");
  private static final String SERVICE_OPERATOR = "Bool";

  /**
   * A narrowed policy and its impact.
   *
   * @param policy the new document, compact JSON, version 2012-10-17
   * @param impact one line: per changed statement, who loses which actions on which resources and what is kept, and
   *               plainly when the policy will allow nothing
   */
  public record Narrowing(String policy, String impact) {
    public Narrowing {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(impact, "impact");
    }
  }

  /** Which key the trusted-identity block uses and with which values. */
  private record Bound(String key, Set<String> values, String description) {
    static Bound of(TrustedIdentities trust) {
      Set<String> orgs = trust.allOrgIds();
      if (!orgs.isEmpty()) {
        return new Bound(IdentityPerimeter.ORG_ID, orgs, plural("organization", orgs));
      }
      Set<String> accounts = new TreeSet<>(trust.accountIds());
      return new Bound(IdentityPerimeter.ACCOUNT, accounts, plural("account", accounts));
    }
  }

  private PolicyNarrower() {
  }

  /** What the narrowing did to one statement, as the impact names it. */
  private sealed interface Entry permits Narrowed, Removal {
    String text();
  }

  /** A statement kept in a narrower form (or with principals dropped). */
  private record Narrowed(String text) implements Entry {
  }

  /** A statement that no longer stays: why, and who loses what. */
  private record Removal(int index, IamStatement statement, String why, String loss) implements Entry {
    @Override
    public String text() {
      return why + ": it is removed, and " + loss;
    }
  }

  /**
   * What of {@code serviceName} the narrowing depends on: the Region whose AWS-owned S3 buckets an S3 endpoint's
   * narrowed policy keeps (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html), empty for every
   * other service. Two endpoints with the same policy and the same answer here get the same narrowing, so a cache of
   * narrowings is keyed by this, not by the service name.
   */
  public static Optional<String> serviceDependence(String serviceName) {
    return AwsOwnedBuckets.region(serviceName);
  }

  /**
   * The narrowed policy for an endpoint of {@code serviceName} ({@code com.amazonaws.us-east-1.s3}); empty when the
   * policy cannot be parsed, nothing is broad, no identity is trusted, the result would exceed AWS's size limit, or
   * no narrowing passes {@link NarrowingCheck} and the analyser.
   */
  public static Optional<Narrowing> narrow(String policyJson, TrustedIdentities trust, String serviceName) {
    if (!(PolicyParser.parse(policyJson) instanceof ParsedPolicy parsed)) {
      return Optional.empty();
    }
    PolicyAnalysis analysis = PolicyAnalyzer.analyze(policyJson, trust);
    if (!analysis.broad() || (trust.accountIds().isEmpty() && trust.allOrgIds().isEmpty())) {
      return Optional.empty();
    }
    Set<Integer> broad = analysis.broadStatements().stream().map(StatementFinding::index).collect(Collectors.toSet());
    List<IamStatement> statements = parsed.policy().statements();
    Draft draft = new Draft(trust, serviceName, statements);
    for (int i = 0; i < statements.size(); i++) {
      IamStatement statement = statements.get(i);
      if (!broad.contains(i + 1)) {
        draft.statements.add(statement);
      } else if (PrincipalScope.of(statement) == PrincipalScope.NAMED) {
        draft.dropUntrustedPrincipals(i + 1, statement);
      } else if (!draft.boundAnyPrincipal(i + 1, statement)) {
        return Optional.empty();
      }
    }
    Optional<List<String>> lines = draft.finish();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String json = IamPolicy.builder().version(VERSION).id(parsed.policy().id()).statements(draft.statements).build()
        .toJson();
    boolean proven = json.length() <= MAX_POLICY_CHARACTERS && NarrowingCheck.violation(policyJson, json).isEmpty()
        && !PolicyAnalyzer.analyze(json, trust).broad();
    return proven ? Optional.of(new Narrowing(json, String.join("; ", lines.get()))) : Optional.empty();
  }

  /** The narrowed statements being written, and what each change does, in policy order. */
  private static final class Draft {
    private final TrustedIdentities trust;
    private final Bound bound;
    private final String serviceName;
    private final Optional<List<AwsOwnedBuckets.Group>> owned;
    private final StatementIds ids;
    private final List<IamStatement> statements = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();

    Draft(TrustedIdentities trust, String serviceName, List<IamStatement> original) {
      this.trust = trust;
      this.bound = Bound.of(trust);
      this.serviceName = serviceName;
      this.owned = AwsOwnedBuckets.forService(serviceName);
      this.ids = new StatementIds(original);
    }

    /** Named principals: the untrusted ones are dropped; a statement left with none is removed. */
    void dropUntrustedPrincipals(int index, IamStatement statement) {
      String scope = StatementScope.of(statement);
      List<IamPrincipal> kept = statement.principals().stream().filter(p -> PrincipalScope.trusted(p, trust)).toList();
      List<String> lost = PrincipalScope.untrusted(statement, trust).stream().map(IamPrincipal::id).toList();
      String loss = plural("principal", lost) + " " + (lost.size() == 1 ? "loses " : "lose ") + scope;
      if (kept.isEmpty()) {
        entries.add(new Removal(index, statement, "statement " + index + " names only principals outside the"
            + " trusted accounts", loss));
      } else {
        statements.add(statement.copy(b -> b.principals(kept)));
        entries.add(new Narrowed("statement " + index + ": " + loss));
      }
    }

    /**
     * Any principal: copies bounded to the trusted identities, to AWS services and (S3) to reading AWS-owned
     * buckets; or removed when bounding it would leave a statement no request meets. False when no block can be
     * added without widening one already there.
     */
    boolean boundAnyPrincipal(int index, IamStatement statement) {
      String scope = StatementScope.of(statement);
      Optional<IamStatement> identity = boundToTrustedIdentities(statement, bound);
      if (identity.isEmpty()) {
        return false;
      }
      if (allowsNobody(identity.get())) {
        entries.add(removal(index, statement, identity.get(), bound, scope));
        return true;
      }
      List<String> kept = new ArrayList<>();
      String identitySid = ids.derive(index, statement, "TrustedIdentities");
      statements.add(identity.get().copy(b -> b.sid(identitySid)));
      Optional<IamStatement> services = boundToAwsServices(statement);
      if (services.isPresent()) {
        String sid = ids.derive(index, statement, "AwsServices");
        statements.add(services.get().copy(b -> b.sid(sid)));
        kept.add("AWS service principals keep what it allowed them (" + sid + ")");
      }
      Optional<IamStatement> reads = owned.flatMap(groups -> awsOwnedReads(statement, groups));
      if (reads.isPresent()) {
        String sid = ids.derive(index, statement, "AwsOwnedResources");
        statements.add(reads.get().copy(b -> b.sid(sid)));
        int buckets = reads.get().resources().size();
        kept.add(StatementScope.list(reads.get().actions()) + " on " + buckets + " AWS-owned bucket"
            + (buckets == 1 ? "" : "s") + " of " + AwsOwnedBuckets.region(serviceName).orElseThrow()
            + " that AWS documents as read through the endpoint (Amazon Linux repositories, SSM Agent, ECR image"
            + " layers and more) stay open to every caller statement " + index + " admitted (" + sid + ")");
      }
      entries.add(new Narrowed("statement " + index + ": principals outside " + bound.description() + " lose "
          + scope + (kept.isEmpty() ? "" : "; " + String.join("; ", kept))));
      return true;
    }

    /**
     * The impact lines. A policy needs a statement: when none is left, the first removed one stays, bounded to the
     * trusted identities, and its line says what the policy then allows. Empty when that cannot be written.
     */
    Optional<List<String>> finish() {
      List<String> lines = new ArrayList<>();
      if (statements.isEmpty()) {
        Removal first = entries.stream().filter(Removal.class::isInstance).map(Removal.class::cast).findFirst()
            .orElseThrow();
        Optional<IamStatement> kept = boundToTrustedIdentities(first.statement(), bound);
        if (kept.isEmpty()) {
          return Optional.empty();
        }
        statements.add(kept.get());
        entries.forEach(e -> lines.add(e == first ? fallback(first, kept.get(), bound) : e.text()));
        return Optional.of(lines);
      }
      entries.forEach(e -> lines.add(e.text()));
      if (statements.stream().noneMatch(s -> s.effect().equals(IamEffect.ALLOW) && !allowsNobody(s))) {
        lines.add("no Allow statement remains, so the policy will allow nothing through the endpoint");
      }
      return Optional.of(lines);
    }
  }

  /**
   * A removed statement kept because a policy needs one: what it still allows, said plainly (nothing, when its
   * condition now requires identities no request has at once).
   */
  private static String fallback(Removal removal, IamStatement kept, Bound bound) {
    String stays = "a policy needs a statement, so statement " + removal.index() + " stays with " + bound.key()
        + " also required to be " + String.join(" or ", bound.values());
    String nothing = ": the policy will allow nothing through the endpoint";
    if (allowsNobody(kept)) {
      return removal.why() + ": " + removal.loss() + "; " + stays + ", which no request meets" + nothing;
    }
    List<String> principals = removal.statement().principals().stream().map(IamPrincipal::id).toList();
    if (bound.key().equals(IdentityPerimeter.ACCOUNT)) {
      // Its principals were dropped because none is in a trusted account: none can meet the condition.
      return removal.why() + ": " + removal.loss() + "; " + stays + ", which none of its principals meets" + nothing;
    }
    return removal.why() + ": " + stays + ", so the policy will allow only " + StatementScope.names(principals)
        + " when in " + bound.description() + " (" + StatementScope.of(removal.statement()) + ") through the endpoint";
  }

  private static boolean allowsNobody(IamStatement statement) {
    return Contradictions.find(ConditionBlock.of(statement.conditions())).isPresent();
  }

  /**
   * A statement that admitted only untrusted identities: bounded to the trusted ones it would meet no request (its
   * own condition names other ones), so it is removed instead; dropping an Allow only narrows.
   */
  private static Removal removal(int index, IamStatement statement, IamStatement bounded, Bound bound, String scope) {
    Set<String> admitted = new TreeSet<>();
    ConditionBlock.of(statement.conditions()).stream().filter(b -> b.hasKey(bound.key()))
        .filter(b -> OperatorName.parse(b.operator()).canonical() && !OperatorName.parse(b.operator()).negated()
            && !OperatorName.parse(b.operator()).base().equals("null"))
        .forEach(b -> admitted.addAll(b.values()));
    if (admitted.isEmpty()) {
      return new Removal(index, statement, "statement " + index + " bounded to " + bound.description()
          + " would meet no request (" + Contradictions.find(ConditionBlock.of(bounded.conditions())).orElseThrow()
          + ")", "its principals lose " + scope + " through the endpoint");
    }
    String who = plural(bound.key().equals(IdentityPerimeter.ORG_ID) ? "organization" : "account", admitted);
    return new Removal(index, statement, "statement " + index + " admitted only " + who + ", which "
        + (admitted.size() == 1 ? "is" : "are") + " not trusted", "principals of " + who + " lose " + scope
        + " through the endpoint");
  }

  /** The statement ANDed with "the principal is one of the trusted identities". */
  private static Optional<IamStatement> boundToTrustedIdentities(IamStatement statement, Bound bound) {
    Set<String> present = ConditionBlock.of(statement.conditions()).stream().map(ConditionBlock::id)
        .collect(Collectors.toSet());
    return EQUALITY_OPERATORS.stream()
        .filter(op -> !present.contains(ConditionBlock.id(op, bound.key())))
        .findFirst()
        .map(op -> statement.copy(b -> b.addConditions(op, bound.key(), bound.values())));
  }

  /**
   * The statement ANDed with "the caller is an AWS service", so services acting for the account keep working:
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalisawsservice
   * Empty when the statement already has that block (its values cannot be changed without widening it), or when it
   * requires an organization: aws:PrincipalOrgID and aws:PrincipalOrgPaths are present only for principals that are
   * members of one, which service principals are not, so the copy would match nothing.
   */
  private static Optional<IamStatement> boundToAwsServices(IamStatement statement) {
    List<ConditionBlock> blocks = ConditionBlock.of(statement.conditions());
    boolean present = blocks.stream()
        .anyMatch(b -> b.id().equals(ConditionBlock.id(SERVICE_OPERATOR, IdentityPerimeter.IS_AWS_SERVICE)));
    boolean requiresOrganization = blocks.stream()
        .filter(b -> b.hasKey(IdentityPerimeter.ORG_ID) || b.hasKey(IdentityPerimeter.ORG_PATHS))
        .map(b -> OperatorName.parse(b.operator()))
        .anyMatch(op -> op.canonical() && !op.ifExists() && !op.forAllValues() && !op.negated()
            && !op.base().equals("null"));
    return present || requiresOrganization
        ? Optional.empty()
        : Optional.of(statement.copy(b -> b.addCondition(SERVICE_OPERATOR, IdentityPerimeter.IS_AWS_SERVICE, "true")));
  }

  /**
   * The statement narrowed to reading the AWS-owned buckets it already allowed: same principal and conditions,
   * {@link AwsOwnedBuckets#ACTIONS} it includes, bucket ARNs its Resource includes. Empty when it uses NotAction or
   * NotResource, or allows none of them.
   */
  private static Optional<IamStatement> awsOwnedReads(IamStatement statement, List<AwsOwnedBuckets.Group> groups) {
    if (!statement.notActions().isEmpty() || !statement.notResources().isEmpty()) {
      return Optional.empty();
    }
    List<String> actions = AwsOwnedBuckets.ACTIONS.stream()
        .filter(a -> statement.actions().stream().map(IamValue::value).anyMatch(o -> Glob.includes(o, a, true)))
        .toList();
    List<String> resources = groups.stream().flatMap(g -> g.arns().stream())
        .filter(r -> statement.resources().stream().map(IamValue::value).anyMatch(o -> Glob.includes(o, r, false)))
        .toList();
    if (actions.isEmpty() || resources.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(statement.copy(b -> b.actionIds(actions).resourceIds(resources)));
  }

  private static String plural(String noun, java.util.Collection<String> values) {
    return noun + (values.size() == 1 ? " " : "s ") + StatementScope.names(List.copyOf(values));
  }
}
