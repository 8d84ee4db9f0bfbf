package dev.endpointguard.plan;

import static dev.endpointguard.plan.EstateFixture.ENDPOINT;
import static dev.endpointguard.plan.EstateFixture.GROUP;
import static dev.endpointguard.plan.EstateFixture.VPC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: {@code apply} compares each change's {@code expect} (its {@link Change#previousState} when the plan was
 * made) with the same method on the estate read now, and spells out what differs.
 */
class PlanDriftTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode expect(Change change, Estate planned) {
    return JSON.valueToTree(change.previousState(planned));
  }

  @Test
  void unchangedState_isAsExpected() {
    EstateFixture f = new EstateFixture();
    Change narrow = Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, PolicySamples.NARROWED);

    PlanDrift drift = PlanDrift.check(narrow, expect(narrow, f.estate()), f.estate());

    assertThat(drift).isEqualTo(new PlanDrift(PlanDrift.Verdict.AS_EXPECTED, ""));
  }

  @Test
  void policyReformattedOnly_isAsExpected() {
    EstateFixture planned = new EstateFixture();
    EstateFixture now = new EstateFixture();
    now.policy = "{\n  \"Statement\" : [ {\"Resource\":\"*\", \"Action\":\"*\", \"Principal\":\"*\","
        + " \"Effect\":\"Allow\"} ],\n  \"Version\" : \"2008-10-17\"\n}";
    Change narrow = Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, PolicySamples.NARROWED);

    assertThat(PlanDrift.check(narrow, expect(narrow, planned.estate()), now.estate()).verdict())
        .isEqualTo(PlanDrift.Verdict.AS_EXPECTED);
  }

  @Test
  void policyChanged_saysThePolicyDocumentChanged() {
    EstateFixture planned = new EstateFixture();
    EstateFixture now = new EstateFixture();
    now.policy = PolicySamples.NARROWED.replace("Allow", "Deny");
    Change narrow = Plans.narrowPolicy(ENDPOINT, EstateFixture.DEFAULT_POLICY, PolicySamples.NARROWED);

    PlanDrift drift = PlanDrift.check(narrow, expect(narrow, planned.estate()), now.estate());

    assertThat(drift.verdict()).isEqualTo(PlanDrift.Verdict.CHANGED);
    assertThat(drift.reason()).isEqualTo("policy document of vpce-1 changed since the plan");
  }

  @Test
  void subnetAdded_fieldLevelDifference() {
    EstateFixture planned = new EstateFixture();
    EstateFixture now = new EstateFixture();
    now.endpointSubnetIds = List.of("subnet-a", "subnet-d");
    Change add = Plans.addSubnets(ENDPOINT, List.of("subnet-b"), List.of("use1-az2"));

    PlanDrift drift = PlanDrift.check(add, expect(add, planned.estate()), now.estate());

    assertThat(drift.reason()).isEqualTo("azIds of vpce-1 changed since the plan: use1-az4 added; subnetIds of"
        + " vpce-1 changed since the plan: subnet-d added");
  }

  @Test
  void sameSubnetsInAnotherOrder_isAsExpected() {
    EstateFixture planned = new EstateFixture();
    planned.endpointSubnetIds = List.of("subnet-a", "subnet-d");
    EstateFixture now = new EstateFixture();
    now.endpointSubnetIds = List.of("subnet-d", "subnet-a");
    now.subnets = List.of(now.subnets.get(4), now.subnets.get(1), now.subnets.get(0));
    Change add = Plans.addSubnets(ENDPOINT, List.of("subnet-b"), List.of("use1-az2"));

    assertThat(PlanDrift.check(add, expect(add, planned.estate()), now.estate()).verdict())
        .isEqualTo(PlanDrift.Verdict.AS_EXPECTED);
  }

  @Test
  void attributeTurnedOn_saysWasAndIs() {
    EstateFixture planned = new EstateFixture();
    planned.dnsHostnames = false;
    EstateFixture now = new EstateFixture();
    Change hostnames = new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES);

    PlanDrift drift = PlanDrift.check(hostnames, expect(hostnames, planned.estate()), now.estate());

    assertThat(drift.reason()).isEqualTo("enableDnsHostnames of vpc-1 changed since the plan: was false, is true");
  }

  @Test
  void ingressChanged_listsTheRulesAddedAndRemoved_underTheGroup() {
    EstateFixture planned = new EstateFixture();
    EstateFixture now = new EstateFixture();
    now.ingress = List.of(new IngressRule(GROUP, "tcp", 443, 443, IngressRule.ANY_IPV4),
        new IngressRule(GROUP, "tcp", 22, 22, "10.0.0.0/8"));
    Change replace = Plans.replaceIngressSource(GROUP, "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"));

    PlanDrift drift = PlanDrift.check(replace, expect(replace, planned.estate()), now.estate());

    assertThat(drift.reason()).isEqualTo("securityGroupIngress of sg-1 changed since the plan: tcp 22 from"
        + " 10.0.0.0/8 added, tcp 443 from ::/0 removed");
  }

  @Test
  void resourceNotInTheEstateReadNow_isGone() {
    EstateFixture planned = new EstateFixture();
    Change dns = new EnablePrivateDns(ENDPOINT, "ssm.us-east-1.amazonaws.com");
    Estate empty = new Estate("123456789012", "us-east-1", List.of(), List.of());

    PlanDrift drift = PlanDrift.check(dns, expect(dns, planned.estate()), empty);

    assertThat(drift).isEqualTo(new PlanDrift(PlanDrift.Verdict.GONE, "vpce-1 is gone"));
  }
}
