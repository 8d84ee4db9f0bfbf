package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.rules.RuleId;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExemptionsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Test
  void exemption_noTag_none() {
    assertThat(Exemptions.exemption(Map.of("Name", "x"), RuleId.SINGLE_AZ_ENDPOINT, TODAY)).isEmpty();
  }

  @Test
  void exemption_all_exemptsEveryRule() {
    for (RuleId r : RuleId.values()) {
      assertThat(Exemptions.exemption(Map.of("endpoint-guard:exempt", "all"), r, TODAY))
          .contains("exempt by tag endpoint-guard:exempt=all");
    }
  }

  @Test
  void exemption_listedRules_exemptsOnlyThose() {
    Map<String, String> tags = Map.of("endpoint-guard:exempt", "single-az-endpoint, broad-endpoint-policy");
    assertThat(Exemptions.exemption(tags, RuleId.BROAD_ENDPOINT_POLICY, TODAY)).isPresent();
    assertThat(Exemptions.exemption(tags, RuleId.SINGLE_AZ_ENDPOINT, TODAY)).isPresent();
    assertThat(Exemptions.exemption(tags, RuleId.PRIVATE_DNS_DISABLED, TODAY)).isEmpty();
  }

  @Test
  void exemption_untilToday_stillHolds() {
    Map<String, String> tags = Map.of("endpoint-guard:exempt", "all", "endpoint-guard:exempt-until", "2026-11-26");
    assertThat(Exemptions.exemption(tags, RuleId.SINGLE_AZ_ENDPOINT, TODAY))
        .contains("exempt by tag endpoint-guard:exempt=all until 2026-11-26");
  }

  @Test
  void exemption_expired_noLongerHolds() {
    Map<String, String> tags = Map.of("endpoint-guard:exempt", "all", "endpoint-guard:exempt-until", "2026-11-25");
    assertThat(Exemptions.exemption(tags, RuleId.SINGLE_AZ_ENDPOINT, TODAY)).isEmpty();
  }

  @Test
  void exemption_malformedUntil_holdsAndSaysSo() {
    Map<String, String> tags = Map.of("endpoint-guard:exempt", "all", "endpoint-guard:exempt-until", "next year");
    assertThat(Exemptions.exemption(tags, RuleId.SINGLE_AZ_ENDPOINT, TODAY)).hasValueSatisfying(
        r -> assertThat(r).contains("'next year' is not a date yyyy-MM-dd"));
  }

  // Issue 12: a malformed exemption tag is reported, not ignored.

  @Test
  void tagProblems_rightTags_none() {
    assertThat(Exemptions.tagProblems(Map.of())).isEmpty();
    assertThat(Exemptions.tagProblems(Map.of("endpoint-guard:exempt", "all, Single-AZ-Endpoint",
        "endpoint-guard:exempt-until", "2027-01-31"))).isEmpty();
  }

  @Test
  void tagProblems_unknownRuleId_namedWithTheValidOnes() {
    assertThat(Exemptions.tagProblems(Map.of("endpoint-guard:exempt", "single-az-endpoint, single-az")))
        .singleElement().asString()
        .startsWith("tag endpoint-guard:exempt names 'single-az', which is not a rule id: nothing is exempted by it"
            + " (valid: all, single-az-endpoint, ");
  }

  @Test
  void tagProblems_malformedUntil_saysTheExemptionNeverExpires() {
    assertThat(Exemptions.tagProblems(Map.of("endpoint-guard:exempt", "all", "endpoint-guard:exempt-until",
        "31/01/2027"))).containsExactly("tag endpoint-guard:exempt-until '31/01/2027' is not a date yyyy-MM-dd: the"
            + " exemption it bounds never expires");
  }
}
