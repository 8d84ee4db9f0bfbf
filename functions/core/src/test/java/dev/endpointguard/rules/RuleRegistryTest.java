package dev.endpointguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
  private static final RuleRegistry STANDARD = RuleRegistry.standard();

  @Test
  void standard_everyRuleId_registeredUnderItsId() {
    Arrays.stream(RuleId.values()).forEach(id -> assertThat(STANDARD.get(id).id()).isEqualTo(id));
    assertThat(STANDARD.endpointRules().size() + STANDARD.vpcRules().size()
        + STANDARD.endpointServiceRules().size()).isEqualTo(RuleId.values().length);
  }

  @Test
  void standard_rulesSplitByResource_vpcDnsAloneJudgesVpcsServicePermissionsAloneServices() {
    assertThat(STANDARD.vpcRules()).extracting(Rule::id).containsExactly(RuleId.VPC_DNS_DISABLED);
    assertThat(STANDARD.endpointServiceRules()).extracting(Rule::id)
        .containsExactly(RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS);
    assertThat(STANDARD.endpointServiceRules()).extracting(Rule::resourceType)
        .containsExactly(ResourceType.VPC_ENDPOINT_SERVICE);
    assertThat(STANDARD.endpointRules()).extracting(Rule::id)
        .doesNotContain(RuleId.VPC_DNS_DISABLED, RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS)
        .hasSize(RuleId.values().length - 2);
  }

  @Test
  void get_ruleNotRegistered_errorListsRegisteredIds() {
    RuleRegistry some = new RuleRegistry(List.of(new SingleAzEndpointRule(), new VpcDnsDisabledRule()));
    assertThatThrownBy(() -> some.get(RuleId.PRIVATE_DNS_DISABLED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule private-dns-disabled is not registered; registered: single-az-endpoint, vpc-dns-disabled");
  }

  @Test
  void constructor_sameIdTwice_rejected() {
    assertThatThrownBy(() -> new RuleRegistry(List.of(new VpcDnsDisabledRule(), new VpcDnsDisabledRule())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule vpc-dns-disabled registered twice");
  }
}
