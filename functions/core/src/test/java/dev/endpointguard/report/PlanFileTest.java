package dev.endpointguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.plan.AddSubnets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.ChangeKind;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.plan.VpcDnsAttribute;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the {@code endpoint-guard-plan/1} file. It round-trips every change kind; its digest is the SHA-256 of the
 * RFC 8785 form of its other fields (checked against a plan whose canonical bytes and digest were made without this
 * code: {@code python3 json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False)} and {@code sha256sum});
 * any edited byte, another version, or a change that is not its kind's is refused.
 */
class PlanFileTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  /** {@code sha256sum src/test/resources/plan-file/known-plan.canonical.json}. */
  private static final String KNOWN_DIGEST = "6b5797deffcffee9fc3b0c6bc77568339f3b9c9431991c0cc9ff696a6ef38c8c";
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
  private static final String ENDPOINT = "vpce-0123456789abcdef0";
  private static final String OTHER_ENDPOINT = "vpce-0123456789abcdef1";
  private static final String VPC = "vpc-0123456789abcdef0";
  private static final String GROUP = "sg-0123456789abcdef0";

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PlanFileTest.class.getResourceAsStream("/plan-file/" + name)) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static Evaluation evaluation(RuleId rule, String resourceId, Status status, List<Change> plan) {
    return new Evaluation(rule, rule == RuleId.VPC_DNS_DISABLED ? ResourceType.VPC : ResourceType.VPC_ENDPOINT,
        resourceId, VPC, status, Severity.HIGH, "why", plan);
  }

  private static EvaluationResult planned(RuleId rule, String resourceId, List<Change> plan,
                                          List<Map<String, Object>> previousByChange) {
    return new EvaluationResult(evaluation(rule, resourceId, Status.NON_COMPLIANT, plan), Outcome.PLANNED,
        Optional.empty(), Map.of(), List.of(), previousByChange);
  }

  /** A scan report with a plan of every change kind, a compliant evaluation and a finding without a plan. */
  private static ScanReport report() {
    String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    return new ScanReport("123456789012", "us-east-1", List.of(
        planned(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT,
            List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-0123456789abcdef1"), List.of("use1-az2"))),
            List.of(Map.of("subnetIds", List.of("subnet-0123456789abcdef0"), "azIds", List.of("use1-az1")))),
        planned(RuleId.PRIVATE_DNS_DISABLED, OTHER_ENDPOINT,
            List.of(new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
                EnablePrivateDns.forAllResolvers(OTHER_ENDPOINT, "*.s3.us-east-1.amazonaws.com")),
            List.of(Map.of("enableDnsHostnames", false), Map.of("privateDnsEnabled", false))),
        planned(RuleId.BROAD_ENDPOINT_POLICY, ENDPOINT,
            List.of(Plans.narrowPolicy(ENDPOINT, policy, policy.replace("}]}",
                ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"123456789012\"}}}]}"))),
            List.of(Map.of("policyDocument", policy))),
        planned(RuleId.BROAD_ENDPOINT_SECURITY_GROUP, ENDPOINT,
            List.of(Plans.replaceIngressSource(GROUP, "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"))),
            List.of(Map.of("securityGroupIngress", Map.of(GROUP, List.of("tcp 443 from 0.0.0.0/0"))))),
        EvaluationResult.of(evaluation(RuleId.VPC_DNS_DISABLED, VPC, Status.COMPLIANT, List.of()), Outcome.NONE),
        EvaluationResult.of(evaluation(RuleId.SINGLE_AZ_ENDPOINT, OTHER_ENDPOINT, Status.NON_COMPLIANT, List.of()),
            Outcome.NONE)));
  }

  private static String written() {
    return PlanFile.of(report(), AT).toJson();
  }

  /** The file's fields other than the digest, with the digest they give. */
  private static String resealed(ObjectNode root) throws Exception {
    root.remove("digest");
    root.put("digest", sha256(PlanFile.canonical(root)));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  @Test
  void knownPlan_digestIsTheSha256OfItsRfc8785Form_asComputedWithoutThisCode() throws Exception {
    String text = new String(resource("known-plan.json"), StandardCharsets.UTF_8);
    ObjectNode content = (ObjectNode) JSON.readTree(text);
    content.remove("digest");

    byte[] canonical = PlanFile.canonical(content);

    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo(new String(resource("known-plan.canonical.json"), StandardCharsets.UTF_8));
    assertThat(sha256(canonical)).isEqualTo(KNOWN_DIGEST);
    PlanFile plan = PlanFile.parse(text);
    assertThat(plan.digest()).isNotEqualTo(KNOWN_DIGEST); // the impact texts are this version's, not the file's
    assertThat(plan.changes()).extracting(e -> e.change().kind())
        .containsExactly(ChangeKind.ADD_SUBNETS, ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE, ChangeKind.NARROW_POLICY);
    assertThat(((AddSubnets) plan.changes().get(0).change()).monthlyCostUsd()).isEqualByComparingTo("7.30");
  }

  @Test
  void canonicalForm_sortsKeys_dropsWhitespace_printsNumbersAsEcmaScript() throws Exception {
    JsonNode value = JSON.readTree("{ \"b\" : [ 1.50, 10, 1e3, 0.0 ], \"a\" : \"é\\u0001\\n\", \"A\" : true }");

    assertThat(new String(PlanFile.canonical(value), StandardCharsets.UTF_8))
        .isEqualTo("{\"A\":true,\"a\":\"é\\u0001\\n\",\"b\":[1.5,10,1000,0]}");
  }

  @Test
  void roundTrip_everyChangeKind_readsBackTheSamePlan() {
    PlanFile plan = PlanFile.of(report(), AT);

    PlanFile read = PlanFile.parse(plan.toJson());

    assertThat(read).isEqualTo(plan);
    assertThat(read.digest()).isEqualTo(plan.digest());
    assertThat(read.changes()).extracting(e -> e.change().kind()).containsExactly(ChangeKind.ADD_SUBNETS,
        ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE, ChangeKind.ENABLE_PRIVATE_DNS, ChangeKind.NARROW_POLICY,
        ChangeKind.REPLACE_INGRESS_SOURCE);
  }

  @Test
  void of_takesEveryPlannedChange_withItsOwnExpect_andNothingElse() throws Exception {
    JsonNode file = JSON.readTree(written());

    assertThat(file.get("version").asText()).isEqualTo("endpoint-guard-plan/1");
    assertThat(file.get("generatedAt").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(file.get("account").asText()).isEqualTo("123456789012");
    assertThat(file.get("region").asText()).isEqualTo("us-east-1");
    assertThat(file.get("changes")).hasSize(5);
    JsonNode hostnames = file.get("changes").get(1);
    assertThat(hostnames.get("rule").asText()).isEqualTo("private-dns-disabled");
    assertThat(hostnames.get("resourceId").asText()).isEqualTo(OTHER_ENDPOINT);
    assertThat(hostnames.get("target").asText()).isEqualTo(VPC);
    assertThat(hostnames.get("expect")).isEqualTo(JSON.readTree("{\"enableDnsHostnames\":false}"));
    assertThat(file.get("changes").get(2).get("expect")).isEqualTo(JSON.readTree("{\"privateDnsEnabled\":false}"));
    assertThat(file.get("changes").get(0).get("impact").asText()).startsWith("costs about $");
    assertThat(file.get("changes").get(0).get("rollback").asText()).startsWith("aws ec2 modify-vpc-endpoint");
    assertThat(file.get("digest").asText()).matches("[0-9a-f]{64}");
    assertThat(file.fieldNames()).toIterable().containsExactly("version", "generatedAt", "account", "region",
        "changes", "digest");
  }

  @Test
  void everyEditedByte_isRefused() {
    String text = written();
    int refused = 0;
    for (int i = 0; i < text.length(); i++) {
      char edit = text.charAt(i) == 'x' ? 'y' : 'x';
      String edited = text.substring(0, i) + edit + text.substring(i + 1);
      assertThatThrownBy(() -> PlanFile.parse(edited)).as("edit at %d", i)
          .isInstanceOf(IllegalArgumentException.class);
      refused++;
    }
    assertThat(refused).isEqualTo(text.length()).isGreaterThan(1000);
  }

  @Test
  void editedValue_stillValidJson_isRefusedByTheDigest() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    ((ObjectNode) root.get("changes").get(0)).put("target", OTHER_ENDPOINT);
    String edited = JSON.writeValueAsString(root);

    assertThatThrownBy(() -> PlanFile.parse(edited))
        .hasMessageStartingWith("the plan file was changed after it was written: its digest ")
        .hasMessageContaining("does not match its content");
  }

  @Test
  void sameContentReformatted_isAccepted_theDigestIsOverTheCanonicalForm() throws Exception {
    String compact = JSON.writeValueAsString(JSON.readTree(written()));

    assertThat(PlanFile.parse(compact)).isEqualTo(PlanFile.parse(written()));
  }

  @Test
  void otherVersion_isRefused_evenWithAMatchingDigest() throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(written());
    root.put("version", "endpoint-guard-plan/2");
    String other = resealed(root);
    ObjectNode report = (ObjectNode) JSON.readTree(written());
    report.put("version", "endpoint-guard/1");
    ObjectNode none = (ObjectNode) JSON.readTree(written());
    none.remove("version");

    assertThatThrownBy(() -> PlanFile.parse(other))
        .hasMessage("not an endpoint-guard-plan/1 file (its version is \"endpoint-guard-plan/2\")");
    assertThatThrownBy(() -> PlanFile.parse(resealed(report)))
        .hasMessage("not an endpoint-guard-plan/1 file (its version is \"endpoint-guard/1\")");
    assertThatThrownBy(() -> PlanFile.parse(resealed(none)))
        .hasMessage("not an endpoint-guard-plan/1 file (its version is missing)");
  }

  @Test
  void notJson_noDigest_duplicateKeys_trailingContent_areRefused() throws Exception {
    String text = written();
    ObjectNode noDigest = (ObjectNode) JSON.readTree(text);
    noDigest.remove("digest");

    assertThatThrownBy(() -> PlanFile.parse("scan report")).hasMessageStartingWith("not a plan file: not JSON");
    assertThatThrownBy(() -> PlanFile.parse("[]")).hasMessage("not a plan file: not a JSON object");
    assertThatThrownBy(() -> PlanFile.parse(JSON.writeValueAsString(noDigest)))
        .hasMessage("the plan file has no digest");
    assertThatThrownBy(() -> PlanFile.parse(text.replaceFirst("\\{", "{\"account\":\"111111111111\",")))
        .hasMessageStartingWith("not a plan file: not JSON");
    assertThatThrownBy(() -> PlanFile.parse(text + "{}")).hasMessageStartingWith("not a plan file: not JSON");
  }

  @Test
  void changeNotOfItsKind_isRefused_evenWithAMatchingDigest() throws Exception {
    ObjectNode missing = (ObjectNode) JSON.readTree(written());
    ((ObjectNode) missing.get("changes").get(0).get("detail")).remove("subnetIds");
    ObjectNode extra = (ObjectNode) JSON.readTree(written());
    ((ObjectNode) extra.get("changes").get(3).get("detail")).put("removeSubnetIds", "subnet-0123456789abcdef0");
    ObjectNode kind = (ObjectNode) JSON.readTree(written());
    ((ObjectNode) kind.get("changes").get(0)).put("change", "DeleteVpcEndpoints");
    ObjectNode noExpect = (ObjectNode) JSON.readTree(written());
    ((ObjectNode) noExpect.get("changes").get(4)).remove("expect");
    ObjectNode account = (ObjectNode) JSON.readTree(written());
    account.put("account", "12345");

    assertThatThrownBy(() -> PlanFile.parse(resealed(missing)))
        .hasMessage("change 1 (AddSubnets on " + ENDPOINT + "): AddSubnets detail has no subnetIds");
    assertThatThrownBy(() -> PlanFile.parse(resealed(extra))).hasMessage("change 4 (NarrowPolicy on " + ENDPOINT
        + "): its detail is not one this version of endpoint-guard writes for a NarrowPolicy");
    assertThatThrownBy(() -> PlanFile.parse(resealed(kind)))
        .hasMessage("change 1: unknown change 'DeleteVpcEndpoints'");
    assertThatThrownBy(() -> PlanFile.parse(resealed(noExpect))).hasMessage("change 5 has no expect object");
    assertThatThrownBy(() -> PlanFile.parse(resealed(account)))
        .hasMessage("the plan's account is not an AWS account id (12 digits): 12345");
  }

  @Test
  void resultWithoutItsPerChangeState_isNotWritten() {
    EvaluationResult bare = new EvaluationResult(evaluation(RuleId.SINGLE_AZ_ENDPOINT, ENDPOINT,
        Status.NON_COMPLIANT, List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-0123456789abcdef1"),
            List.of("use1-az2")))), Outcome.PLANNED, Optional.empty(), Map.of());

    assertThatThrownBy(() -> PlanFile.of(new ScanReport("123456789012", "us-east-1", List.of(bare)), AT))
        .hasMessageContaining("does not hold the state its plan was computed against");
  }

  @Test
  void costKeepsItsScale_throughTheFile() {
    PlanFile read = PlanFile.parse(written());

    BigDecimal written = ((AddSubnets) report().results().get(0).evaluation().plan().get(0)).monthlyCostUsd();
    assertThat(((AddSubnets) read.changes().get(0).change()).monthlyCostUsd()).isEqualTo(written);
    assertThat(written.scale()).isEqualTo(2);
  }
}
