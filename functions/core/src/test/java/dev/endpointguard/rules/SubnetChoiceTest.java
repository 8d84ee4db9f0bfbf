package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.subnet;
import static dev.endpointguard.testing.Snapshots.summary;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.testing.Snapshots.SubnetBuilder;
import dev.endpointguard.testing.Snapshots.VpcBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetChoiceTest {

  /** An endpoint in use1-az1 whose VPC has the given subnets besides. */
  private static List<String> pick(int azs, VpcBuilder vpc) {
    return SubnetChoice.forEndpoint(endpoint("vpce-1").subnets(subnet("subnet-a", "use1-az1")).vpc(vpc).build())
        .pick(azs).stream().map(SubnetInfo::subnetId).toList();
  }

  private static VpcBuilder holding(String subnetId) {
    return vpc().endpoints(summary("vpce-other", EndpointType.INTERFACE, "com.amazonaws.us-east-1.ecr.api", true,
        subnetId));
  }

  @Test
  void pick_subnetHoldingInterfaceEndpoints_preferredOverTaggedAndRoomier() {
    VpcBuilder vpc = holding("subnet-h").subnets(subnet("subnet-h", "use1-az2").freeIps(10),
        subnet("subnet-t", "use1-az2").taggedForEndpoints().freeIps(200), subnet("subnet-p", "use1-az2").freeIps(4000));
    assertThat(pick(1, vpc)).containsExactly("subnet-h");
  }

  @Test
  void pick_subnetTaggedForEndpoints_preferredOverRoomier() {
    VpcBuilder vpc = vpc().subnets(subnet("subnet-t", "use1-az2").taggedForEndpoints().freeIps(10),
        subnet("subnet-p", "use1-az2").freeIps(4000));
    assertThat(pick(1, vpc)).containsExactly("subnet-t");
  }

  @Test
  void pick_publicSubnetHoldingEndpointsTaggedAndRoomier_neverChosenOverPrivate() {
    VpcBuilder vpc = holding("subnet-pub").subnets(
        subnet("subnet-pub", "use1-az2").publicSubnet().taggedForEndpoints().freeIps(4000),
        subnet("subnet-priv", "use1-az2").freeIps(5));
    assertThat(pick(1, vpc)).containsExactly("subnet-priv");
  }

  @Test
  void pick_onlyPublicSubnets_choosesNothing() {
    VpcBuilder vpc = holding("subnet-pub").subnets(subnet("subnet-pub", "use1-az2").publicSubnet().taggedForEndpoints(),
        subnet("subnet-pub2", "use1-az3").publicSubnet());
    assertThat(pick(2, vpc)).isEmpty();
  }

  @Test
  void pick_plainPrivateSubnets_mostFreeAddressesWins() {
    VpcBuilder vpc = vpc().subnets(subnet("subnet-x", "use1-az2").freeIps(50),
        subnet("subnet-y", "use1-az2").freeIps(200));
    assertThat(pick(1, vpc)).containsExactly("subnet-y");
  }

  @Test
  void pick_fullSubnet_skippedEvenWhenHoldingEndpoints() {
    VpcBuilder vpc = holding("subnet-full").subnets(subnet("subnet-full", "use1-az2").freeIps(0),
        subnet("subnet-free", "use1-az2").freeIps(5));
    assertThat(pick(1, vpc)).containsExactly("subnet-free");
  }

  @Test
  void pick_coveredAz_neverChosen() {
    VpcBuilder vpc = holding("subnet-a2").subnets(subnet("subnet-a2", "use1-az1").taggedForEndpoints(),
        subnet("subnet-b", "use1-az2"));
    assertThat(pick(2, vpc)).containsExactly("subnet-b");
  }

  @Test
  void pick_oneAzWanted_azWithTheBetterCandidateFirst() {
    VpcBuilder vpc = vpc().subnets(subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3").taggedForEndpoints());
    assertThat(pick(1, vpc)).containsExactly("subnet-c");
  }

  @Test
  void pick_equalCandidates_azIdOrderWhateverTheInputOrder() {
    SubnetBuilder[] forward = {subnet("subnet-b", "use1-az2"), subnet("subnet-c", "use1-az3"),
        subnet("subnet-d", "use1-az4")};
    SubnetBuilder[] backward = {subnet("subnet-d", "use1-az4"), subnet("subnet-c", "use1-az3"),
        subnet("subnet-b", "use1-az2")};
    assertThat(pick(2, vpc().subnets(forward))).containsExactly("subnet-b", "subnet-c");
    assertThat(pick(2, vpc().subnets(backward))).containsExactly("subnet-b", "subnet-c");
  }

  @Test
  void pick_equalCandidatesInOneAz_lowestSubnetIdWhateverTheInputOrder() {
    assertThat(pick(1, vpc().subnets(subnet("subnet-z", "use1-az2"), subnet("subnet-m", "use1-az2"))))
        .containsExactly("subnet-m");
    assertThat(pick(1, vpc().subnets(subnet("subnet-m", "use1-az2"), subnet("subnet-z", "use1-az2"))))
        .containsExactly("subnet-m");
  }

  @Test
  void pick_subnetOfAnotherVpc_neverChosen() {
    assertThat(pick(1, vpc().subnets(subnet("subnet-other", "use1-az2").inVpc("vpc-other")))).isEmpty();
  }
}
