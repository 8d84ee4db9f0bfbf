package dev.endpointguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11: endpoint state is one open value type, not loose strings. */
class EndpointStateTest {

  @Test
  void of_awsSpelling_isCaseInsensitive() {
    assertThat(EndpointState.of("Available")).isEqualTo(EndpointState.AVAILABLE);
    assertThat(EndpointState.of("pendingAcceptance")).isEqualTo(EndpointState.PENDING_ACCEPTANCE);
  }

  @Test
  void of_nothing_isUnknown() {
    assertThat(EndpointState.of(null)).isEqualTo(EndpointState.UNKNOWN);
    assertThat(EndpointState.of(" ")).isEqualTo(EndpointState.UNKNOWN);
  }

  @Test
  void of_aStateAwsAddsLater_isKeptAsItCame() {
    EndpointState future = EndpointState.of("Migrating");

    assertThat(future.value()).isEqualTo("migrating");
    assertThat(future.gone()).isFalse();
    assertThat(future.live()).isFalse();
    assertThat(future.modifiable()).isFalse();
  }

  @Test
  void predicates_followTheDocumentedStates() {
    assertThat(EndpointState.DELETING.gone()).isTrue();
    assertThat(EndpointState.DELETED.gone()).isTrue();
    assertThat(EndpointState.PENDING.live()).isTrue();
    assertThat(EndpointState.AVAILABLE.live()).isTrue();
    assertThat(EndpointState.PENDING.modifiable()).isFalse();
    assertThat(EndpointState.AVAILABLE.modifiable()).isTrue();
    assertThat(EndpointState.REJECTED.live()).isFalse();
  }
}
