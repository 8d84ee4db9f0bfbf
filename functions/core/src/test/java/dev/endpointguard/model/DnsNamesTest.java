package dev.endpointguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsNamesTest {
  @Test
  void normalize_lowerCaseNoTrailingDotEscapesDecoded() {
    assertThat(DnsNames.normalize("SSM.us-east-1.AmazonAWS.com.")).isEqualTo("ssm.us-east-1.amazonaws.com");
    assertThat(DnsNames.normalize("\\052.s3.us-east-1.amazonaws.com.")).isEqualTo("*.s3.us-east-1.amazonaws.com");
    assertThat(DnsNames.normalize("a\\\\b.example.com")).isEqualTo("a\\\\b.example.com");
  }

  @Test
  void aliasTarget_dropsTheDualstackPrefix() {
    assertThat(DnsNames.aliasTarget("dualstack.VPCE-1.ssm.us-east-1.vpce.amazonaws.com."))
        .isEqualTo("vpce-1.ssm.us-east-1.vpce.amazonaws.com");
    assertThat(DnsNames.normalize("dualstack.x.example.com")).isEqualTo("dualstack.x.example.com");
  }

  @Test
  void zoneName_wildcardNameIsItsDomain() {
    assertThat(DnsNames.zoneName("*.s3.us-east-1.amazonaws.com")).isEqualTo("s3.us-east-1.amazonaws.com");
    assertThat(DnsNames.zoneName("\\052.dkr.ecr.us-east-1.amazonaws.com.")).isEqualTo("dkr.ecr.us-east-1.amazonaws.com");
    assertThat(DnsNames.zoneName("ssm.us-east-1.amazonaws.com")).isEqualTo("ssm.us-east-1.amazonaws.com");
    assertThat(DnsNames.isWildcard("\\052.s3.us-east-1.amazonaws.com")).isTrue();
    assertThat(DnsNames.isWildcard("s3.us-east-1.amazonaws.com")).isFalse();
  }

  @Test
  void display_keepsCaseDropsTrailingDot() {
    assertThat(DnsNames.display("\\052.VPCE-1.s3.us-east-1.vpce.amazonaws.com."))
        .isEqualTo("*.VPCE-1.s3.us-east-1.vpce.amazonaws.com");
  }
}
