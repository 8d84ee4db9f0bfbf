package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TargetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"vpce-0123456789abcdef0", "vpce-1a2b3c4d"})
  void endpoints_wellFormedIds_accepted(String id) {
    assertThat(Targets.endpoints(List.of(id))).isEqualTo(new Targets.EndpointIds(List.of(id)));
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
    assertThat(Targets.securityGroups(List.of("sg-1a2b3c4d")).ids()).containsExactly("sg-1a2b3c4d");
    assertThatThrownBy(() -> Targets.securityGroups(List.of("sg-xyz"))).hasMessageStartingWith(
        "not a security group id: 'sg-xyz'");
  }

  @Test
  void endpoints_duplicates_keptOnce() {
    assertThat(Targets.endpoints(List.of("vpce-1a2b3c4d", "vpce-1a2b3c4d")))
        .isEqualTo(new Targets.EndpointIds(List.of("vpce-1a2b3c4d")));
  }

  @Test
  void endpoints_none_rejected() {
    assertThatThrownBy(() -> Targets.endpoints(List.of())).hasMessage("name at least one id, or scan all endpoints");
  }
}
