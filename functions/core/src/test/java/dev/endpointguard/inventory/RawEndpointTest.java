package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

class RawEndpointTest {
  static final String ID = "vpce-0123456789abcdef0";

  @Test
  void from_minimalAnswer_safeDefaults() {
    List<InventoryProblem> problems = new ArrayList<>();
    RawEndpoint e = RawEndpoint.from(VpcEndpoint.builder().vpcEndpointId(ID).vpcId("vpc-1a2b3c4d")
        .serviceName("com.amazonaws.us-east-1.ssm").build(), problems::add).orElseThrow();

    assertThat(e.type()).isEqualTo(EndpointType.OTHER);
    assertThat(e.state()).isEqualTo(EndpointState.UNKNOWN);
    assertThat(e.privateDnsEnabled()).isFalse();
    assertThat(e.requesterManaged()).isFalse();
    assertThat(e.policyDocument()).isEmpty();
    assertThat(e.subnetIds()).isEmpty();
    assertThat(e.groupIds()).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void from_fullAnswer_fieldsCopied() {
    RawEndpoint e = RawEndpoint.from(VpcEndpoint.builder().vpcEndpointId(ID).vpcId("vpc-1a2b3c4d")
        .serviceName("com.amazonaws.us-east-1.ssm").vpcEndpointType("Interface").state("Available")
        .privateDnsEnabled(true).subnetIds("subnet-1").groups(g -> g.groupId("sg-1a2b3c4d"))
        .networkInterfaceIds("eni-1").tags(t -> t.key("team").value("net")).policyDocument("{}").build(), p -> { })
        .orElseThrow();

    assertThat(e).isEqualTo(new RawEndpoint(ID, "vpc-1a2b3c4d", EndpointType.INTERFACE, "com.amazonaws.us-east-1.ssm",
        EndpointState.AVAILABLE, true, false, "{}", List.of("subnet-1"), List.of("sg-1a2b3c4d"), List.of("eni-1"),
        java.util.Map.of("team", "net"), List.of()));
  }

  @Test
  void from_withoutVpcOrService_skippedWithProblem() {
    List<InventoryProblem> problems = new ArrayList<>();

    assertThat(RawEndpoint.from(VpcEndpoint.builder().vpcEndpointId(ID).build(), problems::add)).isEmpty();
    assertThat(RawEndpoint.from(VpcEndpoint.builder().vpcId("vpc-1a2b3c4d").build(), problems::add)).isEmpty();
    assertThat(problems).extracting(InventoryProblem::resourceId).containsExactly(ID, "(unknown endpoint)");
  }

  @Test
  void gone_deletedOrDeleting_true() {
    List.of("deleted", "deleting", "Deleting").forEach(state -> assertThat(RawEndpoint.from(VpcEndpoint.builder().vpcEndpointId(ID)
        .vpcId("vpc-1a2b3c4d").serviceName("s").state(state).build(), p -> { }).orElseThrow().gone()).isTrue());
  }
}
