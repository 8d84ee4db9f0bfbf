package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteState;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

class PublicSubnetsTest {
  static final Route LOCAL = Route.builder().destinationCidrBlock("10.0.0.0/16").gatewayId("local").build();
  static final Route TO_IGW = Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId("igw-1a2b3c4d").build();

  private static RouteTable table(String vpc, boolean main, List<String> subnets, Route... routes) {
    List<RouteTableAssociation> associations = new java.util.ArrayList<>();
    if (main) {
      associations.add(RouteTableAssociation.builder().main(true).build());
    }
    subnets.forEach(s -> associations.add(RouteTableAssociation.builder().main(false).subnetId(s).build()));
    return RouteTable.builder().vpcId(vpc).routes(routes).associations(associations).build();
  }

  @Test
  void among_explicitTableWithIgwRoute_public() {
    assertThat(PublicSubnets.among(Map.of("subnet-a", "vpc-1", "subnet-b", "vpc-1"), List.of(
        table("vpc-1", true, List.of(), LOCAL), table("vpc-1", false, List.of("subnet-a"), LOCAL, TO_IGW))))
        .containsExactly("subnet-a");
  }

  @Test
  void among_noExplicitTable_followsTheVpcsMainTable() {
    assertThat(PublicSubnets.among(Map.of("subnet-a", "vpc-1", "subnet-b", "vpc-2"), List.of(
        table("vpc-1", true, List.of(), LOCAL, TO_IGW), table("vpc-2", true, List.of(), LOCAL))))
        .containsExactly("subnet-a");
  }

  @Test
  void among_explicitPrivateTableInVpcWithPublicMain_private() {
    assertThat(PublicSubnets.among(Map.of("subnet-a", "vpc-1"), List.of(
        table("vpc-1", true, List.of(), LOCAL, TO_IGW), table("vpc-1", false, List.of("subnet-a"), LOCAL))))
        .isEmpty();
  }

  @Test
  void among_blackholeIgwRouteOrNatGateway_private() {
    Route blackhole = TO_IGW.toBuilder().state(RouteState.BLACKHOLE).build();
    Route nat = Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-1a2b3c4d").build();
    assertThat(PublicSubnets.among(Map.of("subnet-a", "vpc-1", "subnet-b", "vpc-1"), List.of(
        table("vpc-1", false, List.of("subnet-a"), LOCAL, blackhole),
        table("vpc-1", false, List.of("subnet-b"), LOCAL, nat)))).isEmpty();
  }

  @Test
  void among_noRouteTablesAtAll_private() {
    assertThat(PublicSubnets.among(Map.of("subnet-a", "vpc-1"), List.of())).isEmpty();
  }
}
