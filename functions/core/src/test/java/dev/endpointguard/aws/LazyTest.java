package dev.endpointguard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class LazyTest {

  @Test
  void get_calledTwice_makesTheValueOnce() {
    AtomicInteger made = new AtomicInteger();
    Lazy<String> lazy = new Lazy<>(() -> "client-" + made.incrementAndGet());

    assertThat(lazy.get()).isEqualTo("client-1");
    assertThat(lazy.get()).isEqualTo("client-1");
    assertThat(made).hasValue(1);
  }

  @Test
  void ifMade_beforeAnyGet_makesNothing() {
    AtomicInteger made = new AtomicInteger();
    Lazy<String> lazy = new Lazy<>(() -> "client-" + made.incrementAndGet());
    List<String> seen = new ArrayList<>();

    lazy.ifMade(seen::add);

    assertThat(seen).isEmpty();
    assertThat(made).hasValue(0);
    lazy.get();
    lazy.ifMade(seen::add);
    assertThat(seen).containsExactly("client-1");
  }

  @Test
  void awsClients_optionalClients_madeOnFirstUseAndSharedAfter() {
    try (AwsClients clients = new AwsClients(AwsClients.Target.local(Region.US_EAST_1,
        URI.create("http://127.0.0.1:9")))) {
      assertThat(clients.sns()).isSameAs(clients.sns());
      assertThat(clients.route53()).isSameAs(clients.route53());
      assertThat(clients.config()).isSameAs(clients.config());
    }
  }
}
