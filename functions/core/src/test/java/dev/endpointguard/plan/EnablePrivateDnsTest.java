package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;

/** Issue 10 j: what an EnablePrivateDns change says and sends, with and without the S3 DNS option. */
class EnablePrivateDnsTest {
  private static final EnablePrivateDns SSM = new EnablePrivateDns("vpce-1", "ssm.us-east-1.amazonaws.com");
  private static final EnablePrivateDns S3 = EnablePrivateDns.forAllResolvers("vpce-2", "*.s3.us-east-1.amazonaws.com");

  @Test
  void request_withoutDnsOption_sendsPrivateDnsOnly() {
    ModifyVpcEndpointRequest r = SSM.request();

    assertThat(r.vpcEndpointId()).isEqualTo("vpce-1");
    assertThat(r.privateDnsEnabled()).isTrue();
    assertThat(r.dnsOptions()).isNull();
  }

  @Test
  void request_s3ForAllResolvers_sendsPrivateDnsOnlyForInboundResolverEndpointFalse() {
    ModifyVpcEndpointRequest r = S3.request();

    assertThat(r.privateDnsEnabled()).isTrue();
    assertThat(r.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
    assertThat(r.dnsOptions().dnsRecordIpType()).isNull();
  }

  @Test
  void detail_carriesTheDnsOptionOnlyWhenSent() {
    assertThat(SSM.detail()).isEqualTo(Map.of("privateDnsEnabled", true,
        "privateDnsName", "ssm.us-east-1.amazonaws.com"));
    assertThat(S3.detail()).isEqualTo(Map.of("privateDnsEnabled", true,
        "privateDnsName", "*.s3.us-east-1.amazonaws.com",
        "dnsOptions", Map.of("privateDnsOnlyForInboundResolverEndpoint", false)));
  }

  @Test
  void describeImpactRollback_sayTheDnsOption() {
    assertThat(S3.describe()).isEqualTo("turn on private DNS for vpce-2 (*.s3.us-east-1.amazonaws.com resolves to the"
        + " endpoint), with DNS option PrivateDnsOnlyForInboundResolverEndpoint=false");
    assertThat(S3.impact()).isEqualTo("*.s3.us-east-1.amazonaws.com resolves to the endpoint inside its VPC for every"
        + " resolver (PrivateDnsOnlyForInboundResolverEndpoint=false: the VPC has no gateway endpoint for the service,"
        + " so requests from inside the VPC go through this interface endpoint too): traffic that left through a NAT"
        + " or internet gateway now goes through the endpoint (its policy and security groups apply; PrivateLink data"
        + " processing replaces NAT data processing); no hourly cost");
    assertThat(S3.rollback()).isEqualTo("aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-2 --no-private-dns-enabled");
    assertThat(SSM.describe()).isEqualTo("turn on private DNS for vpce-1 (ssm.us-east-1.amazonaws.com resolves to the"
        + " endpoint)");
    assertThat(SSM.impact()).doesNotContain("PrivateDnsOnlyForInboundResolverEndpoint");
  }
}
