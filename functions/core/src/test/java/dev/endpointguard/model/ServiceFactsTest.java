package dev.endpointguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 10 f: whether an endpoint's service is an AWS service, from its owner or else its name. */
class ServiceFactsTest {
  private static final String PARTNER = "com.amazonaws.vpce.us-west-2.vpce-svc-0123456789abcdef0";

  @Test
  void awsService_describedWithOwnerAmazon_isAws() {
    assertThat(new ServiceFacts("com.amazonaws.us-east-1.ssm", Set.of(), Optional.empty(), true, false, true,
        Optional.of("amazon")).awsService()).isTrue();
  }

  @Test
  void awsService_describedWithAnAccountAsOwner_isNotAws() {
    assertThat(new ServiceFacts(PARTNER, Set.of(), Optional.empty(), true, false, true,
        Optional.of("111122223333")).awsService()).isFalse();
  }

  @Test
  void awsService_notDescribed_judgedByName() {
    assertThat(ServiceFacts.unknown(PARTNER).awsService()).isFalse();
    assertThat(ServiceFacts.unknown("com.amazonaws.us-west-2.s3").awsService()).isTrue();
  }
}
