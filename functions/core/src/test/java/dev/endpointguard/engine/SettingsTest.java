package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.rules.RuleId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

  @Test
  void fromEnvironment_empty_givesDefaults() {
    Settings s = Settings.fromEnvironment(Map.of());
    assertThat(s.modes().values()).containsOnly(Mode.ALERT);
    assertThat(s.modes()).hasSize(RuleId.values().length);
    assertThat(s.minAzs()).isEqualTo(2);
    assertThat(s.azHourPriceUsd()).isEqualByComparingTo("0.01");
    assertThat(s.trustedAccountIds()).isEmpty();
    assertThat(s.trustedOrgIds()).isEmpty();
    assertThat(s.alertTopicArn()).isEmpty();
  }

  @Test
  void fromEnvironment_allValid_parsesEach() {
    Settings s = Settings.fromEnvironment(Map.of(
        "MODE_SINGLE_AZ_ENDPOINT", "remediate",
        "MODE_BROAD_ENDPOINT_POLICY", " OFF ",
        "MIN_AZS", "3",
        "TRUSTED_ACCOUNT_IDS", "111122223333, 444455556666",
        "TRUSTED_ORG_IDS", "o-a1b2c3d4e5",
        "AZ_HOUR_PRICE_USD", "0.013",
        "ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:endpoint-guard-alerts"));
    assertThat(s.mode(RuleId.SINGLE_AZ_ENDPOINT)).isEqualTo(Mode.REMEDIATE);
    assertThat(s.mode(RuleId.BROAD_ENDPOINT_POLICY)).isEqualTo(Mode.OFF);
    assertThat(s.mode(RuleId.PRIVATE_DNS_DISABLED)).isEqualTo(Mode.ALERT);
    assertThat(s.minAzs()).isEqualTo(3);
    assertThat(s.trustedAccountIds()).containsExactlyInAnyOrder("111122223333", "444455556666");
    assertThat(s.trustedOrgIds()).containsExactly("o-a1b2c3d4e5");
    assertThat(s.azHourPriceUsd()).isEqualByComparingTo(new BigDecimal("0.013"));
    assertThat(s.alertTopicArn()).contains("arn:aws:sns:eu-west-1:123456789012:endpoint-guard-alerts");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', value = {
      "MODE_SINGLE_AZ_ENDPOINT#fix#MODE_SINGLE_AZ_ENDPOINT: 'fix' is not a mode; valid: off|alert|remediate",
      "MIN_AZS#0#MIN_AZS: '0' is not a whole number from 1 to 6",
      "MIN_AZS#two#MIN_AZS: 'two' is not a whole number from 1 to 6",
      "TRUSTED_ACCOUNT_IDS#12345#TRUSTED_ACCOUNT_IDS: '12345' is not valid; expected 12-digit AWS account ids",
      "TRUSTED_ORG_IDS#org-1#TRUSTED_ORG_IDS: 'org-1' is not valid; expected organization ids like o-a1b2c3d4e5",
      "AZ_HOUR_PRICE_USD#-1#AZ_HOUR_PRICE_USD: '-1' is not a price in USD per AZ-hour from 0 to 1 (e.g. 0.01)",
      "ALERT_TOPIC_ARN#my-topic#ALERT_TOPIC_ARN: 'my-topic' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)"
  })
  void fromEnvironment_badValue_namesSettingAndValidValues(String name, String value, String problem) {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(name, value)))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).containsExactly(problem));
  }

  @Test
  void fromEnvironment_severalBadValues_reportsAllAtOnce() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("MIN_AZS", "9", "TRUSTED_ORG_IDS", "x")))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).hasSize(2));
  }

  @Test
  void parseRuleIds_unknown_listsValidIds() {
    assertThatThrownBy(() -> Settings.parseRuleIds(List.of("single-az-endpoint", "open-sg")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("unknown rule id 'open-sg'; valid: single-az-endpoint, private-dns-disabled, "
            + "vpc-dns-disabled, broad-endpoint-policy, broad-endpoint-security-group");
  }

  @Test
  void parseRuleIds_commaSeparatedAndRepeated_deduplicatesInOrder() {
    assertThat(Settings.parseRuleIds(List.of("vpc-dns-disabled,single-az-endpoint", "vpc-dns-disabled")))
        .containsExactly(RuleId.VPC_DNS_DISABLED, RuleId.SINGLE_AZ_ENDPOINT);
  }

  @Test
  void withAllModes_setsEveryRule() {
    assertThat(Settings.defaults().withAllModes(Mode.REMEDIATE).modes().values()).containsOnly(Mode.REMEDIATE);
  }

  @Test
  void ruleContext_carriesSettings() {
    Settings s = Settings.fromValues(List.of("111122223333"), List.of(), "3", "0.02", Map.of());
    var ctx = s.ruleContext("123456789012");
    assertThat(ctx.allTrustedAccounts()).containsExactlyInAnyOrder("111122223333", "123456789012");
    assertThat(ctx.minAzs()).isEqualTo(3);
    assertThat(ctx.monthlyCostOfAzs(1)).isEqualByComparingTo("14.60");
    assertThat(s.alertTopicArn()).isEqualTo(Optional.empty());
  }
}
