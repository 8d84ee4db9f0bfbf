package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

class InterfaceUserTest {
  static final String ENI = "eni-0123456789abcdef0";

  @Test
  void describe_endpointInterfaceByType_notAUser() {
    NetworkInterface eni = NetworkInterface.builder().networkInterfaceId(ENI).interfaceType("vpc_endpoint").build();
    assertThat(InterfaceUser.describe(eni, Set.of())).isEmpty();
  }

  @Test
  void describe_endpointInterfaceById_notAUser() {
    NetworkInterface eni = NetworkInterface.builder().networkInterfaceId(ENI).interfaceType("interface").build();
    assertThat(InterfaceUser.describe(eni, Set.of(ENI))).isEmpty();
  }

  @Test
  void describe_requesterManagedEndpointInterface_notAUser() {
    NetworkInterface eni = NetworkInterface.builder().networkInterfaceId(ENI).requesterManaged(true)
        .description("VPC Endpoint Interface vpce-0123456789abcdef0").build();
    assertThat(InterfaceUser.describe(eni, Set.of())).isEmpty();
  }

  @Test
  void describe_instanceInterface_namesTheInstance() {
    NetworkInterface eni = NetworkInterface.builder().networkInterfaceId(ENI).interfaceType("interface")
        .attachment(a -> a.instanceId("i-0123456789abcdef0")).build();
    assertThat(InterfaceUser.describe(eni, Set.of())).contains(ENI + " (instance i-0123456789abcdef0)");
  }

  @Test
  void describe_lambdaInterface_saysLambda() {
    NetworkInterface eni = NetworkInterface.builder().networkInterfaceId(ENI).interfaceType("lambda")
        .requesterManaged(true).description("AWS Lambda VPC ENI-my-function").build();
    assertThat(InterfaceUser.describe(eni, Set.of())).contains(ENI + " (lambda)");
  }

  @Test
  void describe_otherInterface_usesItsDescriptionOrType() {
    NetworkInterface described = NetworkInterface.builder().networkInterfaceId(ENI).description("ELB app/web").build();
    NetworkInterface bare = NetworkInterface.builder().networkInterfaceId(ENI).interfaceType("nat_gateway").build();
    assertThat(InterfaceUser.describe(described, Set.of())).contains(ENI + " (ELB app/web)");
    assertThat(InterfaceUser.describe(bare, Set.of())).contains(ENI + " (nat_gateway)");
  }
}
