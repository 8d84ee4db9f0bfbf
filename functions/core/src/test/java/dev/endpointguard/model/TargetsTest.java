package dev.endpointguard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 11: one targets type, made by decoders and the CLI, read by the inventory. */
class TargetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"vpce-0123456789abcdef0", "vpce-1a2b3c4d"})
  void endpoints_wellFormedIds_accepted(String id) {
    assertThat(Targets.endpoints(List.of(id)).endpointIds()).containsExactly(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpce-123", "vpce-0123456789ABCDEF0", "vpc-0123456789abcdef0", "vpce-0123456789abcdef0x",
      " vpce-1a2b3c4d", "vpce-1a2b3c4d5"})
  void endpoints_malformedId_rejectedNamingTheExpectedForm(String id) {
    assertThatThrownBy(() -> Targets.endpoints(List.of(id)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a VPC endpoint id: '" + id + "' (expected vpce- followed by 8 or 17 lower-case hex digits,"
            + " e.g. vpce-0123456789abcdef0)");
  }

  @Test
  void vpcs_endpointIdGiven_rejected() {
    assertThatThrownBy(() -> Targets.vpcs(List.of("vpce-1a2b3c4d"))).hasMessageStartingWith("not a VPC id");
  }

  @Test
  void securityGroups_wellFormedAndMalformed_onlyWellFormedAccepted() {
    assertThat(Targets.securityGroups(List.of("sg-1a2b3c4d")).securityGroupIds()).containsExactly("sg-1a2b3c4d");
    assertThatThrownBy(() -> Targets.securityGroups(List.of("sg-xyz"))).hasMessageStartingWith(
        "not a security group id: 'sg-xyz'");
  }

  @Test
  void endpoints_duplicates_keptOnce() {
    assertThat(Targets.endpoints(List.of("vpce-1a2b3c4d", "vpce-1a2b3c4d")).endpointIds())
        .containsExactly("vpce-1a2b3c4d");
  }

  @Test
  void none_isEmpty_andTheWholeRegionIsNot() {
    assertThat(Targets.none().isEmpty()).isTrue();
    assertThat(Targets.endpoints(List.of()).isEmpty()).isTrue();
    assertThat(Targets.allInRegion().isEmpty()).isFalse();
  }

  @Test
  void wholeRegion_withIds_rejected() {
    assertThatThrownBy(() -> new Targets(true, List.of("vpce-1a2b3c4d"), List.of(), List.of()))
        .hasMessage("the whole Region takes no ids");
  }

  @Test
  void describe_namesWhatIsCovered() {
    assertThat(Targets.allInRegion().describe()).isEqualTo("the whole Region");
    assertThat(new Targets(false, List.of("vpce-1a2b3c4d"), List.of("vpc-1a2b3c4d"), List.of()).describe())
        .isEqualTo("endpoints vpce-1a2b3c4d; VPCs vpc-1a2b3c4d");
  }

  /** Issue 12: endpoint service ids are 17 hex digits at AWS and 8 on the local AWS; any length between is accepted. */
  @ParameterizedTest
  @ValueSource(strings = {"vpce-svc-4ec2a44a", "vpce-svc-03d5ebb7d9579a2b3", "vpce-svc-0123456789ab"})
  void endpointServices_wellFormedIds_accepted(String id) {
    Targets targets = Targets.endpointServices(List.of(id, id));

    assertThat(targets.endpointServiceIds()).containsExactly(id);
    assertThat(targets.isEmpty()).isFalse();
    assertThat(targets.namesEndpoints()).isFalse();
    assertThat(targets.describe()).isEqualTo("endpoint services " + id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpce-svc-4ec2a44", "vpce-svc-03d5ebb7d9579a2b3a", "vpce-03d5ebb7d9579a2b3", "VPCE-SVC-4EC2A44A",
      "vpce-svc-"})
  void endpointServices_malformedId_rejectedNamingTheExpectedForm(String id) {
    assertThatThrownBy(() -> Targets.endpointServices(List.of(id)))
        .hasMessage("not a VPC endpoint service id: '" + id + "' (expected vpce-svc- followed by 8 to 17 lower-case"
            + " hex digits, e.g. vpce-svc-0123456789abcdef0)");
  }

  @Test
  void endpointServices_wholeRegionWithServiceIds_rejected_andTheWholeRegionNamesEndpoints() {
    assertThatThrownBy(() -> new Targets(true, List.of(), List.of(), List.of(), List.of("vpce-svc-4ec2a44a")))
        .hasMessage("the whole Region takes no ids");
    assertThat(Targets.allInRegion().namesEndpoints()).isTrue();
    assertThat(Targets.endpoints(List.of("vpce-1a2b3c4d")).namesEndpoints()).isTrue();
  }
}
