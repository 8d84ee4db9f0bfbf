package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.testing.Plans;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a plan file's change is rebuilt from its {@code change}, {@code target} and {@code detail} alone, one
 * factory per kind ({@link ChangeKind#rebuild}), never re-planned: every kind comes back equal to the change written.
 */
class ChangeRebuildTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private static final List<Change> EVERY_SHAPE = List.of(
      Plans.addSubnets(ENDPOINT, List.of("subnet-b", "subnet-c"), List.of("use1-az2", "use1-az3")),
      new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_SUPPORT),
      new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
      new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com"),
      EnablePrivateDns.forAllResolvers(ENDPOINT, "*.s3.us-east-1.amazonaws.com"),
      Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, PolicySamples.NARROWED),
      Plans.replaceIngressSource(GROUP, "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16", "172.16.0.0/12")),
      Plans.replaceIngressSource(GROUP, "-1", -1, -1, "::/0", List.of()),
      new RequireAcceptance("vpce-svc-0123456789abcdef0", "us-east-1",
          List.of("*", "arn:aws:iam::444455556666:root")));

  private static Change rebuilt(Change c) {
    return c.kind().rebuild(c.target(), JSON.valueToTree(c.detail()), c.impact());
  }

  @Test
  void everyKind_rebuiltFromTargetAndDetail_isTheChangeWritten() {
    assertThat(EVERY_SHAPE.stream().map(Change::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(ChangeKind.values());
    assertThat(EVERY_SHAPE).allSatisfy(c -> assertThat(rebuilt(c)).isEqualTo(c));
  }

  @Test
  void byReportName_findsEveryKind_andNothingElse() {
    for (ChangeKind kind : ChangeKind.values()) {
      assertThat(ChangeKind.byReportName(kind.reportName())).contains(kind);
    }
    assertThat(ChangeKind.byReportName("DeleteEndpoint")).isEmpty();
    assertThat(ChangeKind.byReportName("addsubnets")).isEmpty();
  }

  @Test
  void detailMissingAField_isRefused_namingKindAndField() {
    ObjectNode detail = JSON.valueToTree(EVERY_SHAPE.get(0).detail());
    detail.remove("azIds");

    assertThatThrownBy(() -> ChangeKind.ADD_SUBNETS.rebuild(ENDPOINT, detail, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("AddSubnets detail has no azIds");
  }

  @Test
  void detailOfTheWrongType_isRefused() {
    ObjectNode detail = JSON.valueToTree(EVERY_SHAPE.get(6).detail());
    detail.put("fromPort", "443");

    assertThatThrownBy(() -> ChangeKind.REPLACE_INGRESS_SOURCE.rebuild(GROUP, detail, ""))
        .hasMessage("ReplaceIngressSource detail fromPort is not an integer");
  }

  @Test
  void requireAcceptance_detailThatTurnsAcceptanceOff_isRefused() {
    ObjectNode detail = JSON.valueToTree(EVERY_SHAPE.get(8).detail());
    detail.put("acceptanceRequired", false);

    assertThatThrownBy(() -> ChangeKind.REQUIRE_ACCEPTANCE.rebuild("vpce-svc-0123456789abcdef0", detail, ""))
        .hasMessage("RequireAcceptance only turns acceptance on");
  }

  @Test
  void detailThatWouldTurnSomethingOff_isRefused() {
    ObjectNode dns = JSON.createObjectNode().put("attribute", "enableDnsSupport").put("value", false);
    ObjectNode privateDns = JSON.createObjectNode().put("privateDnsEnabled", false).put("privateDnsName", "x");

    assertThatThrownBy(() -> ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE.rebuild(VPC, dns, ""))
        .hasMessage("EnableVpcDnsAttribute only turns attributes on");
    assertThatThrownBy(() -> ChangeKind.ENABLE_PRIVATE_DNS.rebuild(ENDPOINT, privateDns, ""))
        .hasMessage("EnablePrivateDns only turns private DNS on");
  }

  @Test
  void unknownAttributeOrNoObject_isRefused() {
    JsonNode attribute = JSON.createObjectNode().put("attribute", "enableNetworkAddressUsageMetrics")
        .put("value", true);

    assertThatThrownBy(() -> ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE.rebuild(VPC, attribute, ""))
        .hasMessageContaining("is not enableDnsSupport or enableDnsHostnames");
    assertThatThrownBy(() -> ChangeKind.NARROW_POLICY.rebuild(ENDPOINT, JSON.createArrayNode(), "x"))
        .hasMessage("NarrowPolicy detail is not a JSON object");
  }
}
