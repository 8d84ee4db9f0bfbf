package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.IngressRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

class IngressFlattenerTest {
  static final String SG = "sg-1a2b3c4d";

  @Test
  void flatten_everySourceKind_oneRuleEach() {
    IpPermission p = IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0")).ipv6Ranges(r -> r.cidrIpv6("::/0"))
        .userIdGroupPairs(g -> g.groupId("sg-9f8e7d6c")).prefixListIds(pl -> pl.prefixListId("pl-63a5400a")).build();

    assertThat(IngressFlattener.flatten(SG, List.of(p))).containsExactly(
        new IngressRule(SG, "tcp", 443, 443, "0.0.0.0/0"),
        new IngressRule(SG, "tcp", 443, 443, "::/0"),
        new IngressRule(SG, "tcp", 443, 443, "sg-9f8e7d6c"),
        new IngressRule(SG, "tcp", 443, 443, "pl-63a5400a"));
  }

  @Test
  void flatten_missingProtocolAndPorts_readAsAllAndMinusOne() {
    IpPermission p = IpPermission.builder().ipRanges(r -> r.cidrIp("10.0.0.0/8")).build();

    assertThat(IngressFlattener.flatten(SG, List.of(p)))
        .containsExactly(new IngressRule(SG, "-1", -1, -1, "10.0.0.0/8"));
  }

  @Test
  void flatten_sourceWithoutValue_skipped() {
    IpPermission p = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
        .ipRanges(r -> r.description("no cidr"), r -> r.cidrIp("10.0.0.0/8")).build();

    assertThat(IngressFlattener.flatten(SG, List.of(p))).containsExactly(new IngressRule(SG, "tcp", 22, 22,
        "10.0.0.0/8"));
  }

  @Test
  void flatten_noPermissions_noRules() {
    assertThat(IngressFlattener.flatten(SG, List.of())).isEmpty();
  }
}
