package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10 h: every change says what it takes away or costs. */
class ChangeImpactTest {

  @Test
  void addSubnets_statesTheCostAndThatNothingIsRemoved() {
    AddSubnets change = new AddSubnets("vpce-1", List.of("subnet-b", "subnet-c"), List.of("use1-az2", "use1-az3"),
        new BigDecimal("14.60"));

    assertThat(change.impact()).isEqualTo("costs about $14.60 more per month (2 more AZs billed per endpoint"
        + " AZ-hour); adds 2 network interfaces (one private address in subnet-b, subnet-c) under the endpoint's"
        + " security groups and policy; no access is removed");
  }

  @Test
  void addSubnets_onlyForTheMissingAzs_sharesOutTheCost() {
    AddSubnets change = new AddSubnets("vpce-1", List.of("subnet-b", "subnet-c"), List.of("use1-az2", "use1-az3"),
        new BigDecimal("14.60"));

    assertThat(change.onlyFor(List.of("subnet-c"), List.of("use1-az3")).monthlyCostUsd())
        .isEqualByComparingTo("7.30");
  }

  @Test
  void addSubnets_negativeCost_isRefused() {
    assertThatThrownBy(() -> new AddSubnets("vpce-1", List.of("subnet-b"), List.of("use1-az2"),
        new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void enablePrivateDns_saysWhereTrafficGoesNow() {
    assertThat(new EnablePrivateDns("vpce-1", "ssm.us-east-1.amazonaws.com").impact())
        .startsWith("ssm.us-east-1.amazonaws.com resolves to the endpoint inside its VPC: traffic that left through"
            + " a NAT or internet gateway now goes through the endpoint");
  }

  /** Issue 12: requiring acceptance holds new requests; accepted connections stay, so the operator must review them. */
  @Test
  void requireAcceptance_saysNewRequestsWaitAndExistingConnectionsStay() {
    RequireAcceptance change = new RequireAcceptance("vpce-svc-0123456789abcdef0", "eu-west-1",
        List.of("arn:aws:iam::444455556666:root", "*"));

    assertThat(change.impact()).isEqualTo("new endpoint connection requests to vpce-svc-0123456789abcdef0 from every"
        + " allowed principal (trusted ones too) wait in pendingAcceptance until you accept or reject them;"
        + " connections already accepted are unchanged, so an endpoint of *, arn:aws:iam::444455556666:root that is"
        + " already connected stays connected: review them with aws ec2 describe-vpc-endpoint-connections --filters"
        + " Name=service-id,Values=vpce-svc-0123456789abcdef0 --region eu-west-1; no principal is removed, no cost");
    assertThat(change.rollback()).isEqualTo("aws ec2 modify-vpc-endpoint-service-configuration --service-id"
        + " vpce-svc-0123456789abcdef0 --no-acceptance-required --region eu-west-1");
    assertThat(change.describe())
        .isEqualTo("require acceptance of endpoint connection requests to vpce-svc-0123456789abcdef0");
  }

  @Test
  void enableVpcDnsAttribute_saysTheSideEffectAndThatNothingIsRemoved() {
    assertThat(new EnableVpcDnsAttribute("vpc-1", VpcDnsAttribute.ENABLE_DNS_HOSTNAMES).impact())
        .isEqualTo("instances in vpc-1 with public IPv4 addresses get public DNS hostnames, and endpoints' private"
            + " DNS names can resolve; no access is removed, no cost");
    assertThat(new EnableVpcDnsAttribute("vpc-1", VpcDnsAttribute.ENABLE_DNS_SUPPORT).impact())
        .contains("no access is removed");
  }

  @Test
  void replaceIngressSource_namesWhatIsLostAndWhatIsKept() {
    Map<String, String> origins = new LinkedHashMap<>();
    origins.put("10.40.0.0/16", "CIDR block of vpc-hub");
    origins.put("10.41.0.0/16", "routed to tgw-1 by rtb-1");
    ReplaceIngressSource change = new ReplaceIngressSource("sg-1", "tcp", 443, 443, "0.0.0.0/0",
        List.of("10.40.0.0/16", "10.41.0.0/16"), origins);

    assertThat(change.impact()).isEqualTo("tcp 443 through sg-1 is lost by every IPv4 source outside 10.40.0.0/16,"
        + " 10.41.0.0/16; kept: 10.40.0.0/16 (CIDR block of vpc-hub), 10.41.0.0/16 (routed to tgw-1 by rtb-1)");
  }

  @Test
  void replaceIngressSource_withNothingToKeep_saysEverySourceLosesIt() {
    ReplaceIngressSource change = new ReplaceIngressSource("sg-1", "tcp", 443, 443, "::/0", List.of(), Map.of());

    assertThat(change.impact()).isEqualTo("tcp 443 from ::/0 is removed from sg-1: every IPv6 source loses this"
        + " access (the VPC has no IPv6 network that can reach the endpoint)");
  }

  @Test
  void narrowPolicy_withoutAnImpact_isRefused() {
    assertThatThrownBy(() -> new NarrowPolicy("vpce-1", "{}", "{}", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
