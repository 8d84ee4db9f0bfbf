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

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy analysis and narrowing under fuzzing. Any text: the analyzer answers (never throws), and a narrowed policy
 * always passes {@link NarrowingCheck}. Policies built from fuzz bytes out of the elements the test evaluator knows:
 * the narrowed policy allows no request the original denied. Plain {@code mvn test} replays
 * {@code PolicyFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md).
 */
class PolicyFuzzTest {
  private static final List<String> ACCOUNTS = List.of(SCANNED, PARTNER, STRANGER);
  private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
      "ec2:DescribeInstances");
  private static final List<String> RESOURCES = List.of("arn:aws:s3:::a/x", "arn:aws:s3:::b/z",
      "arn:aws:s3:::al2023-repos-us-east-1-de612dc2/x");
  private static final List<EndpointRequest> REQUESTS = requests();

  @FuzzTest(maxDuration = "30s")
  void analyze_anyText_answersWithoutThrowing(byte[] input) {
    String policy = new String(input, StandardCharsets.UTF_8);
    for (TrustedIdentities trust : List.of(ORG_TRUST, ACCOUNT_TRUST)) {
      PolicyAnalysis analysis = PolicyAnalyzer.analyze(policy, trust);

      assertThat(analysis).isNotNull();
      assertThat(analysis.parsed()).isEqualTo(analysis.parseError().isEmpty());
      analysis.parseError().ifPresent(e -> assertThat(e).isNotBlank().doesNotContain("\n"));
      assertThat(analysis.broad()).isEqualTo(!analysis.broadStatements().isEmpty());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void narrow_anyText_resultPassesNarrowingCheck(byte[] input) {
    String policy = new String(input, StandardCharsets.UTF_8);
    for (TrustedIdentities trust : List.of(ORG_TRUST, ACCOUNT_TRUST)) {
      for (String service : List.of(SSM_SERVICE, S3_SERVICE)) {
        Optional<String> narrowed = PolicyNarrower.narrow(policy, trust, service).map(PolicyNarrower.Narrowing::policy);

        narrowed.ifPresent(n -> {
          assertThat(NarrowingCheck.violation(policy, n)).as("narrowed %s%nto %s", policy, n).isEmpty();
          assertThat(PolicyAnalyzer.analyze(n, trust).parsed()).isTrue();
        });
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void narrow_builtPolicy_neverAllowsWhatTheOriginalDenied(FuzzedDataProvider data) {
    TrustedIdentities trust = data.consumeBoolean() ? ORG_TRUST : ACCOUNT_TRUST;
    String original = policy(data);
    String service = data.consumeBoolean() ? S3_SERVICE : SSM_SERVICE;
    Optional<String> narrowed = PolicyNarrower.narrow(original, trust, service).map(PolicyNarrower.Narrowing::policy);
    if (narrowed.isEmpty()) {
      return;
    }
    assertThat(NarrowingCheck.violation(original, narrowed.get())).isEmpty();
    for (EndpointRequest request : REQUESTS) {
      boolean before = EndpointPolicyEvaluator.allows(original, request);
      boolean after = EndpointPolicyEvaluator.allows(narrowed.get(), request);
      assertThat(!after || before)
          .as("%s%nnarrowed to %s%nallows %s that the original denied", original, narrowed.get(), request).isTrue();
    }
  }

  private static String policy(FuzzedDataProvider data) {
    int count = data.consumeInt(1, 3);
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add(statement(data));
    }
    String version = data.consumeBoolean() ? "2012-10-17" : "2008-10-17";
    return "{\"Version\":\"" + version + "\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private static String statement(FuzzedDataProvider data) {
    List<String> members = new ArrayList<>();
    if (data.consumeBoolean()) {
      members.add("\"Sid\":\"S" + data.consumeInt(0, 2) + "\"");
    }
    members.add(data.consumeInt(0, 3) == 0 ? "\"Effect\":\"Deny\"" : "\"Effect\":\"Allow\"");
    String principal = data.pickValue(List.of("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"*\"}", "",
        "\"NotPrincipal\":{\"AWS\":" + accounts(data) + "}", "\"Principal\":{\"AWS\":" + accounts(data) + "}",
        "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}"));
    if (!principal.isEmpty()) {
      members.add(principal);
    }
    members.add(data.pickValue(List.of("\"Action\":\"*\"", "\"Action\":\"s3:*\"", "\"Action\":\"s3:Get*\"",
        "\"Action\":[\"s3:GetObject\",\"s3:PutObject\"]", "\"NotAction\":\"s3:Delete*\"")));
    members.add(data.pickValue(List.of("\"Resource\":\"*\"", "\"Resource\":\"arn:aws:s3:::a/*\"",
        "\"NotResource\":\"arn:aws:s3:::b/*\"")));
    List<String> conditions = new ArrayList<>();
    int blocks = data.consumeInt(0, 2);
    List<String> used = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      String operator = data.pickValue(List.of("StringEquals", "StringLike", "StringNotEquals",
          "StringEqualsIfExists", "Bool"));
      if (used.contains(operator)) {
        continue;
      }
      used.add(operator);
      String block = switch (operator) {
        case "Bool" -> "{\"aws:PrincipalIsAWSService\":\"" + data.consumeBoolean() + "\"}";
        case "StringLike" -> "{\"aws:PrincipalOrgID\":\"o-*\"}";
        default -> data.consumeBoolean() ? "{\"aws:PrincipalOrgID\":\"" + data.pickValue(List.of(ORG, FOREIGN_ORG))
            + "\"}" : "{\"aws:PrincipalAccount\":" + accounts(data) + "}";
      };
      conditions.add("\"" + operator + "\":" + block);
    }
    if (!conditions.isEmpty()) {
      members.add("\"Condition\":{" + String.join(",", conditions) + "}");
    }
    return "{" + String.join(",", members) + "}";
  }

  private static String accounts(FuzzedDataProvider data) {
    List<String> ids = new ArrayList<>();
    for (String a : ACCOUNTS) {
      if (data.consumeBoolean()) {
        ids.add("\"" + (data.consumeBoolean() ? a : "arn:aws:iam::" + a + ":root") + "\"");
      }
    }
    return ids.isEmpty() ? "\"" + STRANGER + "\"" : "[" + String.join(",", ids) + "]";
  }

  /** Every principal kind the evaluator knows, every action and resource: the grid the property is checked on. */
  private static List<EndpointRequest> requests() {
    List<EndpointRequest> all = new ArrayList<>();
    for (String action : ACTIONS) {
      for (String resource : RESOURCES) {
        all.add(new EndpointRequest(Optional.of("ec2.amazonaws.com"), Optional.empty(), Optional.empty(), action,
            resource, "vpc-1"));
        all.add(EndpointRequest.anonymous(action, resource, "vpc-1"));
        for (String account : ACCOUNTS) {
          for (Optional<String> org : List.of(Optional.<String>empty(), Optional.of(ORG), Optional.of(FOREIGN_ORG))) {
            all.add(new EndpointRequest(Optional.empty(), Optional.of(account), org, action, resource, "vpc-1"));
          }
        }
      }
    }
    return List.copyOf(all);
  }
}
