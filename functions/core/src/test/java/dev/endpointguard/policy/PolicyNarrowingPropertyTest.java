package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.FOREIGN_ORG;
import static dev.endpointguard.policy.Policies.ORG;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.PARTNER;
import static dev.endpointguard.policy.Policies.S3_SERVICE;
import static dev.endpointguard.policy.Policies.SCANNED;
import static dev.endpointguard.policy.Policies.SSM_SERVICE;
import static dev.endpointguard.policy.Policies.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Over generated policies and requests: narrowing never allows what the original denied, and {@link NarrowingCheck}
 * accepts no candidate that does (candidates narrowed or widened at random: actions, resources, conditions,
 * principals).
 */
class PolicyNarrowingPropertyTest {
  private static final int POLICIES = 2_500;
  private static final int REQUESTS_PER_POLICY = 24;
  private static final List<String> ACCOUNTS = List.of(SCANNED, PARTNER, STRANGER);
  static final String AL2023 = "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/x";
  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
      "s3:ListBucket", "ec2:DescribeInstances");
  private static final List<String> RESOURCES = List.of("arn:aws:s3:::a/x", "arn:aws:s3:::a/y", "arn:aws:s3:::b/z",
      "arn:aws:s3:::ab/x", "arn:aws:s3:::a", AL2023, "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/l");
  private static final List<String> SERVICES = List.of("ec2.amazonaws.com", "s3.amazonaws.com");
  private static final List<String> ACTION_PATTERNS = List.of("*", "s3:*", "s3:Get*", "s3:GetObject",
      "s3:PutObject", "s3:List*", "s3:ListBucket", "S3:getobject", "s3:Get?bject", "ec2:*", "s3:*Object");
  private static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::*", "arn:aws:s3:::a/*",
      "arn:aws:s3:::a/x", "arn:aws:s3:::a*", "arn:aws:s3:::?/x", "arn:aws:s3:::b/*", "arn:aws:s3:::a",
      "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*", "arn:aws:s3:::*/x", "arn:aws:s3:::a/?");

  private final Random random = new Random(20_240_611L);

  /** A statement's members, so that candidates can change one element at a time. */
  private record Parts(String sid, String effect, Optional<String> principal, String actionKey, List<String> actions,
                       String resourceKey, List<String> resources, Map<String, Map<String, String>> conditions) {
    String json() {
      List<String> members = new ArrayList<>();
      if (!sid.isEmpty()) {
        members.add("\"Sid\":\"" + sid + "\"");
      }
      members.add("\"Effect\":\"" + effect + "\"");
      principal.ifPresent(members::add);
      members.add("\"" + actionKey + "\":" + quoted(actions));
      members.add("\"" + resourceKey + "\":" + quoted(resources));
      if (!conditions.isEmpty()) {
        members.add(conditions.entrySet().stream()
            .map(op -> "\"" + op.getKey() + "\":" + op.getValue().entrySet().stream()
                .map(key -> "\"" + key.getKey() + "\":" + key.getValue()).collect(Collectors.joining(",", "{", "}")))
            .collect(Collectors.joining(",", "\"Condition\":{", "}")));
      }
      return "{" + String.join(",", members) + "}";
    }

    private static String quoted(List<String> values) {
      return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
  }

  @Test
  void narrow_generatedPolicies_neverAllowsWhatTheOriginalDenied() {
    int narrowedPolicies = 0;
    int narrowedRequests = 0;
    int awsOwnedKept = 0;
    for (int i = 0; i < POLICIES; i++) {
      TrustedIdentities trust = i % 2 == 0 ? ORG_TRUST : ACCOUNT_TRUST;
      String service = i % 3 == 0 ? SSM_SERVICE : S3_SERVICE;
      String original = policy(statements());
      Optional<PolicyNarrower.Narrowing> narrowed = PolicyNarrower.narrow(original, trust, service);
      if (narrowed.isEmpty()) {
        continue;
      }
      narrowedPolicies++;
      String policy = narrowed.get().policy();
      for (int r = 0; r < REQUESTS_PER_POLICY; r++) {
        EndpointRequest request = request();
        boolean before = EndpointPolicyEvaluator.allows(original, request);
        boolean after = EndpointPolicyEvaluator.allows(policy, request);
        assertThat(!after || before)
            .as("%s%nnarrowed to %s%nallows %s that the original denied", original, policy, request)
            .isTrue();
        if (before && !after) {
          narrowedRequests++;
        }
      }
      EndpointRequest yum = EndpointRequest.anonymous("s3:GetObject", AL2023, "vpc-1");
      if (service.equals(S3_SERVICE) && EndpointPolicyEvaluator.allows(original, yum)
          && EndpointPolicyEvaluator.allows(policy, yum)) {
        awsOwnedKept++;
      }
    }
    assertThat(narrowedPolicies).as("policies narrowed").isGreaterThan(POLICIES / 3);
    assertThat(narrowedRequests).as("requests the narrowing denied").isGreaterThan(POLICIES);
    assertThat(awsOwnedKept).as("anonymous reads of AWS-owned buckets kept on S3 endpoints").isGreaterThan(100);
  }

  @Test
  void narrow_generatedPolicies_keepsAccessOfTrustedIdentities() {
    for (int i = 0; i < POLICIES; i++) {
      TrustedIdentities trust = i % 2 == 0 ? ORG_TRUST : ACCOUNT_TRUST;
      String original = policy(statements());
      String narrowed = PolicyNarrower.narrow(original, trust, SSM_SERVICE).map(PolicyNarrower.Narrowing::policy)
          .orElse(original);
      for (int r = 0; r < REQUESTS_PER_POLICY; r++) {
        EndpointRequest request = request();
        boolean trusted = request.account().filter(trust::trustsAccount).isPresent()
            && (trust.orgIds().isEmpty() || request.org().filter(trust.orgIds()::contains).isPresent());
        if (trusted && EndpointPolicyEvaluator.allows(original, request)) {
          assertThat(EndpointPolicyEvaluator.allows(narrowed, request))
              .as("%s%nnarrowed to %s%ndenies trusted %s", original, narrowed, request).isTrue();
        }
      }
    }
  }

  /** Issue 10 d: the check accepts actions and resources narrowed, and never a candidate that allows more. */
  @Test
  void violation_randomCandidates_acceptedOnesNeverAllowMore() {
    int accepted = 0;
    int acceptedWithNarrowedScope = 0;
    int rejectedWideningsSeen = 0;
    for (int i = 0; i < POLICIES * 2; i++) {
      List<Parts> original = statements();
      List<Parts> candidate = original.stream().map(this::mutate).collect(Collectors.toCollection(ArrayList::new));
      if (!candidate.isEmpty() && random.nextInt(6) == 0) {
        candidate.remove(random.nextInt(candidate.size()));
      }
      String before = policy(original);
      String after = policy(candidate);
      boolean widens = false;
      for (EndpointRequest request : grid()) {
        if (EndpointPolicyEvaluator.allows(after, request) && !EndpointPolicyEvaluator.allows(before, request)) {
          widens = true;
          break;
        }
      }
      if (NarrowingCheck.violation(before, after).isEmpty()) {
        assertThat(widens).as("accepted %s%nas a narrowing of %s, but it allows more", after, before).isFalse();
        accepted++;
        if (!sameScope(original, candidate)) {
          acceptedWithNarrowedScope++;
        }
      } else if (widens) {
        rejectedWideningsSeen++;
      }
    }
    assertThat(accepted).as("candidates accepted").isGreaterThan(POLICIES / 5);
    assertThat(acceptedWithNarrowedScope).as("accepted with actions or resources narrowed").isGreaterThan(POLICIES / 20);
    assertThat(rejectedWideningsSeen).as("widening candidates rejected").isGreaterThan(POLICIES / 5);
  }

  @Test
  void evaluator_defaultPolicy_allowsEveryRequest() {
    for (int r = 0; r < 100; r++) {
      assertThat(EndpointPolicyEvaluator.allows("", request())).isTrue();
    }
  }

  @Test
  void evaluator_orgConditionAndDeny_followTheirMeaning() {
    String policy = Policies.json("{'Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}},{'Effect':'Deny','Principal':'*',"
        + "'Action':'s3:Delete*','Resource':'*'}]}");
    EndpointRequest get = new EndpointRequest(Optional.empty(), Optional.of(SCANNED), Optional.of(ORG),
        "s3:GetObject", RESOURCES.get(0), "vpc-1");

    assertThat(EndpointPolicyEvaluator.allows(policy, get)).isTrue();
    assertThat(EndpointPolicyEvaluator.allows(policy, new EndpointRequest(Optional.empty(), Optional.of(STRANGER),
        Optional.of(FOREIGN_ORG), "s3:GetObject", RESOURCES.get(0), "vpc-1"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(policy, new EndpointRequest(Optional.empty(), Optional.of(SCANNED),
        Optional.of(ORG), "s3:DeleteObject", RESOURCES.get(0), "vpc-1"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(policy, new EndpointRequest(Optional.of("ec2.amazonaws.com"),
        Optional.empty(), Optional.empty(), "s3:GetObject", RESOURCES.get(0), "vpc-1"))).isFalse();
    assertThat(EndpointPolicyEvaluator.allows(policy, EndpointRequest.anonymous("s3:GetObject", AL2023, "vpc-1")))
        .isFalse();
  }

  private static boolean sameScope(List<Parts> original, List<Parts> candidate) {
    if (original.size() != candidate.size()) {
      return true;
    }
    for (int i = 0; i < original.size(); i++) {
      if (!original.get(i).actions().equals(candidate.get(i).actions())
          || !original.get(i).resources().equals(candidate.get(i).resources())) {
        return false;
      }
    }
    return true;
  }

  /** Every kind of caller on every action and resource: the grid a widening is looked for on. */
  private static List<EndpointRequest> grid() {
    List<EndpointRequest> all = new ArrayList<>();
    for (String action : ACTIONS) {
      for (String resource : RESOURCES) {
        all.add(EndpointRequest.anonymous(action, resource, "vpc-1"));
        all.add(new EndpointRequest(Optional.of("ec2.amazonaws.com"), Optional.empty(), Optional.empty(), action,
            resource, "vpc-2"));
        for (String account : ACCOUNTS) {
          for (Optional<String> org : List.of(Optional.<String>empty(), Optional.of(ORG), Optional.of(FOREIGN_ORG))) {
            all.add(new EndpointRequest(Optional.empty(), Optional.of(account), org, action, resource, "vpc-1"));
          }
        }
      }
    }
    return all;
  }

  private EndpointRequest request() {
    String action = pick(ACTIONS);
    String resource = pick(RESOURCES);
    String vpc = pick(List.of("vpc-1", "vpc-2"));
    int kind = random.nextInt(6);
    if (kind == 0) {
      return new EndpointRequest(Optional.of(pick(SERVICES)), Optional.empty(), Optional.empty(), action, resource,
          vpc);
    }
    if (kind == 1) {
      return EndpointRequest.anonymous(action, resource, vpc);
    }
    Optional<String> org = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(List.of(ORG, FOREIGN_ORG)));
    return new EndpointRequest(Optional.empty(), Optional.of(pick(ACCOUNTS)), org, action, resource, vpc);
  }

  private String policy(List<Parts> statements) {
    String version = random.nextBoolean() ? "\"Version\":\"2012-10-17\"," : "\"Version\":\"2008-10-17\",";
    return "{" + version + "\"Statement\":[" + statements.stream().map(Parts::json).collect(Collectors.joining(","))
        + "]}";
  }

  private List<Parts> statements() {
    int count = 1 + random.nextInt(3);
    List<Parts> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add(statement());
    }
    return statements;
  }

  private Parts statement() {
    String sid = random.nextInt(3) == 0 ? "S" + random.nextInt(3) : "";
    String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
    Optional<String> principal = principal();
    int actions = random.nextInt(6);
    List<String> actionList = switch (actions) {
      case 0 -> List.of("*");
      case 1 -> List.of("s3:*");
      case 2 -> List.of("s3:Get*");
      case 3 -> List.of("s3:GetObject", "s3:PutObject");
      case 4 -> List.of("s3:GetObject", "s3:ListBucket");
      default -> List.of("s3:Delete*");
    };
    int resources = random.nextInt(5);
    List<String> resourceList = switch (resources) {
      case 0 -> List.of("*");
      case 1 -> List.of("arn:aws:s3:::a/*");
      case 2 -> List.of("arn:aws:s3:::a/x", "arn:aws:s3:::b/z");
      case 3 -> List.of("arn:aws:s3:::*");
      default -> List.of("arn:aws:s3:::b/*");
    };
    return new Parts(sid, effect, principal, actions == 5 ? "NotAction" : "Action", actionList,
        resources == 4 ? "NotResource" : "Resource", resourceList, condition());
  }

  /** A changed copy: each element narrowed, widened or kept at random. */
  private Parts mutate(Parts s) {
    List<String> actions = s.actions();
    List<String> resources = s.resources();
    Map<String, Map<String, String>> conditions = new LinkedHashMap<>();
    s.conditions().forEach((op, keys) -> conditions.put(op, new LinkedHashMap<>(keys)));
    Optional<String> principal = s.principal();
    switch (random.nextInt(7)) {
      case 0 -> actions = subset(ACTION_PATTERNS);
      case 1 -> resources = subset(RESOURCE_PATTERNS);
      case 2 -> {
        actions = subset(ACTION_PATTERNS);
        resources = subset(RESOURCE_PATTERNS);
      }
      case 3 -> condition().forEach((op, keys) ->
          conditions.computeIfAbsent(op, k -> new LinkedHashMap<>()).putAll(keys));
      case 4 -> {
        if (!conditions.isEmpty()) {
          conditions.remove(conditions.keySet().iterator().next());
        }
      }
      case 5 -> principal = principal();
      default -> {
        // kept
      }
    }
    return new Parts(s.sid(), s.effect(), principal, s.actionKey(), actions, s.resourceKey(), resources, conditions);
  }

  private List<String> subset(List<String> pool) {
    List<String> picked = pool.stream().filter(p -> random.nextInt(4) == 0).toList();
    return picked.isEmpty() ? List.of(pick(pool)) : picked;
  }

  private Optional<String> principal() {
    return switch (random.nextInt(6)) {
      case 0 -> Optional.of("\"Principal\":\"*\"");
      case 1 -> Optional.of("\"Principal\":{\"AWS\":\"*\"}");
      case 2 -> Optional.empty();
      case 3 -> Optional.of("\"NotPrincipal\":{\"AWS\":" + accounts() + "}");
      case 4 -> Optional.of("\"Principal\":{\"AWS\":" + accounts() + "}");
      default -> Optional.of("\"Principal\":{\"AWS\":" + accounts() + ",\"Service\":\"" + pick(SERVICES) + "\"}");
    };
  }

  private String accounts() {
    List<String> ids = ACCOUNTS.stream().filter(a -> random.nextBoolean())
        .map(a -> random.nextBoolean() ? a : "arn:aws:iam::" + a + ":root").collect(Collectors.toList());
    if (ids.isEmpty()) {
      ids.add(pick(ACCOUNTS));
    }
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private Map<String, Map<String, String>> condition() {
    int blocks = random.nextInt(3);
    Map<String, Map<String, String>> byOperator = new LinkedHashMap<>();
    for (int i = 0; i < blocks; i++) {
      String[] block = pick(List.of(
          new String[] {"StringEquals", "aws:PrincipalOrgID", orgs()},
          new String[] {"StringEquals", "aws:PrincipalAccount", accounts()},
          new String[] {"StringLike", "aws:PrincipalOrgID", "\"o-*\""},
          new String[] {"StringEqualsIfExists", "aws:PrincipalOrgID", orgs()},
          new String[] {"StringNotEquals", "aws:PrincipalOrgID", orgs()},
          new String[] {"stringequals", "aws:principalorgid", orgs()},
          new String[] {"StringEqualsIgnoreCase", "aws:PrincipalAccount", accounts()},
          new String[] {"StringEqualsIgnoreCase", "aws:PrincipalOrgID", orgs()},
          new String[] {"ForAnyValue:StringEquals", "aws:PrincipalOrgID", orgs()},
          new String[] {"Null", "aws:PrincipalOrgID", pick(List.of("\"true\"", "\"false\""))},
          new String[] {"ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::" + pick(ACCOUNTS) + ":role/*\""},
          new String[] {"Bool", "aws:PrincipalIsAWSService", pick(List.of("\"true\"", "\"false\"",
              "[\"true\",\"false\"]"))},
          new String[] {"StringEquals", "aws:SourceVpc", "\"" + pick(List.of("vpc-1", "vpc-2")) + "\""},
          new String[] {"StringNotEquals", "aws:SourceVpc", "\"vpc-2\""}));
      byOperator.computeIfAbsent(block[0], k -> new LinkedHashMap<>()).put(block[1], block[2]);
    }
    return byOperator;
  }

  private String orgs() {
    return pick(List.of("\"" + ORG + "\"", "\"" + FOREIGN_ORG + "\"", "[\"" + ORG + "\",\"" + FOREIGN_ORG + "\"]"));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
