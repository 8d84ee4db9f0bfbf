package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10 b: where private address space ends, and which blocks hold which. */
class ClientNetworksTest {

  private static Cidr cidr(String text) {
    return Cidr.parse(text).orElseThrow();
  }

  @ParameterizedTest(name = "{0} covers more than private address space: {1}")
  @CsvSource({
      "10.0.0.0/8, false", "10.41.0.0/16, false", "10.0.0.0/7, true", "172.16.0.0/12, false",
      "172.31.255.0/24, false", "172.32.0.0/16, true", "192.168.0.0/16, false", "192.168.0.0/15, true",
      "100.64.0.0/10, false", "100.127.0.0/16, false", "100.128.0.0/16, true", "203.0.113.0/24, true",
      "0.0.0.0/0, true", "::/0, true", "2000::/3, true", "2001:db8::/31, true", "2001:db8::/32, false",
      "2600:1f18:aa:bb00::/56, false", "fc00::/7, false", "fd12:3456::/32, false", "fe80::/10, true"})
  void coversMoreThanPrivate_boundaries(String block, boolean wide) {
    assertThat(ClientNetworks.coversMoreThanPrivate(cidr(block))).isEqualTo(wide);
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
      "10.0.0.0/8, 10.41.0.0/16, true", "10.41.0.0/16, 10.0.0.0/8, false", "10.41.0.0/16, 10.41.0.0/16, true",
      "10.41.0.0/16, 10.42.0.0/16, false", "10.41.0.0/17, 10.41.128.0/17, false", "0.0.0.0/0, 203.0.113.0/24, true",
      "172.16.0.0/12, 172.31.0.0/16, true", "172.16.0.0/12, 172.32.0.0/16, false", "0.0.0.0/0, ::/0, false",
      "::/0, 2600::/12, true", "2600:1f18:aa:bb00::/56, 2600:1f18:aa:bbff::/64, true",
      "2600:1f18:aa:bb00::/56, 2600:1f18:aa:bc00::/64, false", "fc00::/7, fdff::/16, true", "fc00::/7, fe00::/16, false"})
  void contains_sameFamilyAndLeadingBits(String outer, String inner, boolean contains) {
    assertThat(cidr(outer).contains(cidr(inner))).isEqualTo(contains);
  }
}
