package dev.endpointguard.report;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.subnet;
import static dev.endpointguard.testing.Snapshots.summary;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12: the AZ picture of each VPC — where it has subnets, which AZ ids each Interface endpoint covers. */
class VpcCoverageTest {
  private static final String KMS = "com.amazonaws.us-east-1.kms";
  private static final String S3 = Snapshots.S3;

  private static Estate estate(EndpointSnapshot... endpoints) {
    return new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(endpoints),
        List.of(endpoints).stream().map(EndpointSnapshot::vpc).toList());
  }

  @Test
  void singleAzEndpoint_coversItsSubnetsAz_missesTheVpcsOtherAzs_zonesByIdWithTheirNames() {
    EndpointSnapshot ssm = endpoint("vpce-ssm").subnets(subnet("subnet-a", "use1-az1"))
        .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3"))).build();

    VpcCoverage coverage = VpcCoverage.of(estate(ssm)).get(0);

    assertThat(coverage.vpcId()).isEqualTo(Snapshots.VPC_ID);
    assertThat(coverage.zones()).containsExactly(new VpcCoverage.Zone("use1-az1", "us-east-1a"),
        new VpcCoverage.Zone("use1-az2", "us-east-1b"), new VpcCoverage.Zone("use1-az3", "us-east-1c"));
    VpcCoverage.EndpointCoverage e = coverage.endpoints().get(0);
    assertThat(e.endpointId()).isEqualTo("vpce-ssm");
    assertThat(e.serviceName()).isEqualTo(Snapshots.SSM);
    assertThat(e.state()).isEqualTo("available");
    assertThat(e.coveredAzIds()).containsExactly("use1-az1");
    assertThat(e.covers("use1-az1")).isTrue();
    assertThat(e.covers("use1-az2")).isFalse();
    assertThat(coverage.missingAzIds(e)).containsExactly("use1-az2", "use1-az3");
    assertThat(e.subnetsOfUnknownAz()).isEmpty();
  }

  @Test
  void siblingsOfTheVpc_areShownToo_gatewayEndpointsAreNot_endpointsById() {
    EndpointSnapshot ssm = endpoint("vpce-ssm").subnets(subnet("subnet-a", "use1-az1"))
        .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3"))
            .endpoints(summary("vpce-kms", EndpointType.INTERFACE, KMS, true, "subnet-a", "subnet-b", "subnet-c"),
                summary("vpce-s3", EndpointType.GATEWAY, S3, false),
                summary("vpce-0ld", EndpointType.INTERFACE, KMS, true, "subnet-b")))
        .build();

    VpcCoverage coverage = VpcCoverage.of(estate(ssm)).get(0);

    assertThat(coverage.endpoints()).extracting(VpcCoverage.EndpointCoverage::endpointId)
        .containsExactly("vpce-0ld", "vpce-kms", "vpce-ssm");
    VpcCoverage.EndpointCoverage kms = coverage.endpoints().get(1);
    assertThat(kms.coveredAzIds()).containsExactly("use1-az1", "use1-az2", "use1-az3");
    assertThat(coverage.missingAzIds(kms)).isEmpty();
    assertThat(coverage.missingAzIds(coverage.endpoints().get(0))).containsExactly("use1-az1", "use1-az3");
  }

  @Test
  void subnetNotAmongTheVpcsSubnets_isNamedAsOfUnknownAz_notCountedAsCovered() {
    EndpointSnapshot ssm = endpoint("vpce-ssm").subnets(subnet("subnet-a", "use1-az1"))
        .vpc(vpc().subnets(subnet("subnet-b", "use1-az2"))
            .endpoints(summary("vpce-kms", EndpointType.INTERFACE, KMS, true, "subnet-a", "subnet-gone")))
        .build();

    VpcCoverage.EndpointCoverage kms = VpcCoverage.of(estate(ssm)).get(0).endpoints().get(0);

    assertThat(kms.endpointId()).isEqualTo("vpce-kms");
    assertThat(kms.coveredAzIds()).containsExactly("use1-az1");
    assertThat(kms.subnetsOfUnknownAz()).containsExactly("subnet-gone");
  }

  @Test
  void everyVpcOfTheEstate_inItsOrder_aVpcWithoutInterfaceEndpointsStillShowsItsAzs() {
    EndpointSnapshot first = endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1")).build();
    EndpointSnapshot second = endpoint("vpce-2").vpc(vpc("vpc-0b2")
            .subnets(subnet("subnet-x", "use1-az4").inVpc("vpc-0b2"), subnet("subnet-y", "use1-az6").inVpc("vpc-0b2")))
        .type(EndpointType.GATEWAY).service(Snapshots.service(S3)).build();

    List<VpcCoverage> all = VpcCoverage.of(estate(first, second));

    assertThat(all).extracting(VpcCoverage::vpcId).containsExactly(Snapshots.VPC_ID, "vpc-0b2");
    assertThat(all.get(1).azIds()).containsExactly("use1-az4", "use1-az6");
    assertThat(all.get(1).endpoints()).isEmpty();
  }

  @Test
  void emptyEstate_noCoverage() {
    assertThat(VpcCoverage.of(new Estate(Snapshots.ACCOUNT, "us-east-1", List.of(), List.of()))).isEmpty();
  }
}
