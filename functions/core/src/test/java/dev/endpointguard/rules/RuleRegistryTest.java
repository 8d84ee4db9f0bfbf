package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.endpointguard.model.Estate;
import dev.endpointguard.testing.Snapshots;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
  private static final RuleRegistry STANDARD = RuleRegistry.standard();

  @Test
  void standard_everyRuleId_registeredUnderItsId() {
    assertThat(STANDARD.all()).extracting(Rule::id).containsExactly(RuleId.values());
    Arrays.stream(RuleId.values()).forEach(id -> assertThat(STANDARD.get(id).id()).isEqualTo(id));
  }

  @Test
  void standard_rulesSplitByResource_vpcDnsAloneJudgesVpcs() {
    assertThat(STANDARD.vpcRules()).extracting(Rule::id).containsExactly(RuleId.VPC_DNS_DISABLED);
    assertThat(STANDARD.endpointRules()).extracting(Rule::id).doesNotContain(RuleId.VPC_DNS_DISABLED)
        .hasSize(RuleId.values().length - 1);
  }

  @Test
  void evaluate_emptyEstate_noEvaluations() {
    assertThat(STANDARD.evaluate(new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(), List.of()),
        Snapshots.context())).isEmpty();
  }

  @Test
  void evaluate_twoEndpointsOneVpc_oneEvaluationPerRuleAndResource() {
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1",
        List.of(endpoint("vpce-1").build(), endpoint("vpce-2").build()), List.of(vpc().build()));
    List<Evaluation> evaluations = STANDARD.only(Set.of(RuleId.SINGLE_AZ_ENDPOINT, RuleId.VPC_DNS_DISABLED))
        .evaluate(estate, Snapshots.context());
    assertThat(evaluations).extracting(Evaluation::rule, Evaluation::resourceId).containsExactly(
        tuple(RuleId.SINGLE_AZ_ENDPOINT, "vpce-1"), tuple(RuleId.SINGLE_AZ_ENDPOINT, "vpce-2"),
        tuple(RuleId.VPC_DNS_DISABLED, Snapshots.VPC_ID));
  }

  @Test
  void evaluate_standard_everyRuleOverEveryResourceOfItsType() {
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1",
        List.of(endpoint("vpce-1").build(), endpoint("vpce-2").build()), List.of(vpc().build()));
    assertThat(STANDARD.evaluate(estate, Snapshots.context()))
        .hasSize(2 * STANDARD.endpointRules().size() + 1);
  }

  @Test
  void get_ruleNotRegistered_errorListsRegisteredIds() {
    RuleRegistry some = STANDARD.only(Set.of(RuleId.SINGLE_AZ_ENDPOINT, RuleId.VPC_DNS_DISABLED));
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
