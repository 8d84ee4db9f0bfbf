package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.FOREIGN_ORG;
import static dev.endpointguard.policy.Policies.ORG;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.PARTNER;
import static dev.endpointguard.policy.Policies.SCANNED;
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

/** Over generated policies and requests: narrowing never allows what the original denied. */
class PolicyNarrowingPropertyTest {
  private static final int POLICIES = 2_500;
  private static final int REQUESTS_PER_POLICY = 24;
  private static final List<String> ACCOUNTS = List.of(SCANNED, PARTNER, STRANGER);
  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
      "ec2:DescribeInstances");
  private static final List<String> RESOURCES = List.of("arn:aws:s3:::a/x", "arn:aws:s3:::a/y", "arn:aws:s3:::b/z");
  private static final List<String> SERVICES = List.of("ec2.amazonaws.com", "s3.amazonaws.com");

  private final Random random = new Random(20_240_611L);

  @Test
  void narrow_generatedPolicies_neverAllowsWhatTheOriginalDenied() {
    int narrowedPolicies = 0;
    int narrowedRequests = 0;
    for (int i = 0; i < POLICIES; i++) {
      TrustedIdentities trust = i % 2 == 0 ? ORG_TRUST : ACCOUNT_TRUST;
      String original = policy();
      Optional<String> narrowed = PolicyNarrower.narrow(original, trust);
      if (narrowed.isEmpty()) {
        continue;
      }
      narrowedPolicies++;
      for (int r = 0; r < REQUESTS_PER_POLICY; r++) {
        EndpointRequest request = request();
        boolean before = EndpointPolicyEvaluator.allows(original, request);
        boolean after = EndpointPolicyEvaluator.allows(narrowed.get(), request);
        assertThat(!after || before)
            .as("%s%nnarrowed to %s%nallows %s that the original denied", original, narrowed.get(), request)
            .isTrue();
        if (before && !after) {
          narrowedRequests++;
        }
      }
    }
    assertThat(narrowedPolicies).as("policies narrowed").isGreaterThan(POLICIES / 3);
    assertThat(narrowedRequests).as("requests the narrowing denied").isGreaterThan(POLICIES);
  }

  @Test
  void narrow_generatedPolicies_keepsAccessOfTrustedIdentities() {
    for (int i = 0; i < POLICIES; i++) {
      TrustedIdentities trust = i % 2 == 0 ? ORG_TRUST : ACCOUNT_TRUST;
      String original = policy();
      String narrowed = PolicyNarrower.narrow(original, trust).orElse(original);
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
  }

  private EndpointRequest request() {
    String action = pick(ACTIONS);
    String resource = pick(RESOURCES);
    String vpc = pick(List.of("vpc-1", "vpc-2"));
    if (random.nextInt(5) == 0) {
      return new EndpointRequest(Optional.of(pick(SERVICES)), Optional.empty(), Optional.empty(), action, resource,
          vpc);
    }
    Optional<String> org = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(pick(List.of(ORG, FOREIGN_ORG)));
    return new EndpointRequest(Optional.empty(), Optional.of(pick(ACCOUNTS)), org, action, resource, vpc);
  }

  private String policy() {
    int count = 1 + random.nextInt(3);
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add(statement());
    }
    String version = random.nextBoolean() ? "\"Version\":\"2012-10-17\"," : "\"Version\":\"2008-10-17\",";
    return "{" + version + "\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private String statement() {
    List<String> members = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      members.add("\"Sid\":\"S" + random.nextInt(3) + "\"");
    }
    members.add(random.nextInt(4) == 0 ? "\"Effect\":\"Deny\"" : "\"Effect\":\"Allow\"");
    principal().ifPresent(members::add);
    members.add(pick(List.of("\"Action\":\"*\"", "\"Action\":\"s3:*\"", "\"Action\":\"s3:Get*\"",
        "\"Action\":[\"s3:GetObject\",\"s3:PutObject\"]", "\"NotAction\":\"s3:Delete*\"")));
    members.add(pick(List.of("\"Resource\":\"*\"", "\"Resource\":\"arn:aws:s3:::a/*\"",
        "\"Resource\":[\"arn:aws:s3:::a/x\",\"arn:aws:s3:::b/z\"]", "\"NotResource\":\"arn:aws:s3:::b/*\"")));
    condition().ifPresent(members::add);
    return "{" + String.join(",", members) + "}";
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

  private Optional<String> condition() {
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
          new String[] {"ArnLike", "aws:PrincipalArn", "\"arn:aws:iam::" + pick(ACCOUNTS) + ":role/*\""},
          new String[] {"Bool", "aws:PrincipalIsAWSService", pick(List.of("\"true\"", "\"false\"",
              "[\"true\",\"false\"]"))},
          new String[] {"StringEquals", "aws:SourceVpc", "\"" + pick(List.of("vpc-1", "vpc-2")) + "\""},
          new String[] {"StringNotEquals", "aws:SourceVpc", "\"vpc-2\""}));
      byOperator.computeIfAbsent(block[0], k -> new LinkedHashMap<>()).put(block[1], block[2]);
    }
    if (byOperator.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(byOperator.entrySet().stream()
        .map(op -> "\"" + op.getKey() + "\":" + op.getValue().entrySet().stream()
            .map(key -> "\"" + key.getKey() + "\":" + key.getValue()).collect(Collectors.joining(",", "{", "}")))
        .collect(Collectors.joining(",", "\"Condition\":{", "}")));
  }

  private String orgs() {
    return pick(List.of("\"" + ORG + "\"", "\"" + FOREIGN_ORG + "\"", "[\"" + ORG + "\",\"" + FOREIGN_ORG + "\"]"));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
