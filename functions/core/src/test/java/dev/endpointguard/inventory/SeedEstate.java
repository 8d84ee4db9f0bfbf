package dev.endpointguard.inventory;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.GatewayType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** Builds VPCs, subnets, groups and endpoints in the local AWS for inventory tests. */
final class SeedEstate {
  static final List<String> AZ_NAMES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

  /** A VPC with one subnet in each of {@link #AZ_NAMES}, in that order. */
  record SeededVpc(String vpcId, List<String> subnetIds) {
  }

  private final Ec2Client ec2;

  SeedEstate(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  SeededVpc vpc(int secondOctet) {
    String vpcId = ec2.createVpc(b -> b.cidrBlock("10." + secondOctet + ".0.0/16")).vpc().vpcId();
    List<String> subnets = new ArrayList<>();
    for (int i = 0; i < AZ_NAMES.size(); i++) {
      String cidr = "10." + secondOctet + "." + i + ".0/24";
      String az = AZ_NAMES.get(i);
      subnets.add(ec2.createSubnet(b -> b.vpcId(vpcId).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId());
    }
    return new SeededVpc(vpcId, subnets);
  }

  void dnsOn(String vpcId) {
    ec2.modifyVpcAttribute(b -> b.vpcId(vpcId).enableDnsSupport(AttributeBooleanValue.builder().value(true).build()));
    ec2.modifyVpcAttribute(b -> b.vpcId(vpcId).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
  }

  /** Gives {@code subnetId} its own route table with a default route to a new internet gateway. */
  void makePublic(String vpcId, String subnetId) {
    String igw = ec2.createInternetGateway().internetGateway().internetGatewayId();
    ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(vpcId));
    String table = ec2.createRouteTable(b -> b.vpcId(vpcId)).routeTable().routeTableId();
    ec2.createRoute(b -> b.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    ec2.associateRouteTable(b -> b.routeTableId(table).subnetId(subnetId));
  }

  String group(String vpcId, String name) {
    return ec2.createSecurityGroup(b -> b.vpcId(vpcId).groupName(name).description(name)).groupId();
  }

  void allowFrom(String groupId, IpPermission permission) {
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(groupId).ipPermissions(permission));
  }

  String interfaceEndpoint(String vpcId, String service, List<String> subnetIds, List<String> groupIds,
                           boolean privateDns) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpcId).serviceName(service).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(subnetIds).securityGroupIds(groupIds).privateDnsEnabled(privateDns)).vpcEndpoint().vpcEndpointId();
  }

  /** The VPC's main route table. */
  String mainRouteTable(String vpcId) {
    return ec2.describeRouteTables(b -> b.filters(f -> f.name("vpc-id").values(vpcId),
        f -> f.name("association.main").values("true"))).routeTables().get(0).routeTableId();
  }

  /** A new route table explicitly associated with {@code subnetIds}. */
  String routeTable(String vpcId, String... subnetIds) {
    String table = ec2.createRouteTable(b -> b.vpcId(vpcId)).routeTable().routeTableId();
    for (String subnet : subnetIds) {
      ec2.associateRouteTable(b -> b.routeTableId(table).subnetId(subnet));
    }
    return table;
  }

  /** Adds a route to {@code table}: {@code route} sets the destination and the target. */
  void route(String table, java.util.function.Consumer<CreateRouteRequest.Builder> route) {
    ec2.createRoute(b -> route.accept(b.routeTableId(table)));
  }

  /** A transit gateway with a VPC attachment in each of {@code vpcSubnets} (VPC id → the attachment's subnets). */
  String transitGateway(java.util.Map<String, List<String>> vpcSubnets) {
    String tgw = ec2.createTransitGateway(b -> b.description("hub")).transitGateway().transitGatewayId();
    vpcSubnets.forEach((vpc, subnets) ->
        ec2.createTransitGatewayVpcAttachment(b -> b.transitGatewayId(tgw).vpcId(vpc).subnetIds(subnets)));
    return tgw;
  }

  /** An accepted peering connection between two VPCs of the account. */
  String peering(String vpcId, String peerVpcId) {
    String pcx = ec2.createVpcPeeringConnection(b -> b.vpcId(vpcId).peerVpcId(peerVpcId)).vpcPeeringConnection()
        .vpcPeeringConnectionId();
    ec2.acceptVpcPeeringConnection(b -> b.vpcPeeringConnectionId(pcx));
    return pcx;
  }

  /** A virtual private gateway attached to the VPC. */
  String vpnGateway(String vpcId) {
    String vgw = ec2.createVpnGateway(b -> b.type(GatewayType.IPSEC_1)).vpnGateway().vpnGatewayId();
    ec2.attachVpnGateway(b -> b.vpcId(vpcId).vpnGatewayId(vgw));
    return vgw;
  }

  /** A customer-managed IPv4 prefix list holding {@code cidrs}. */
  String prefixList(String name, String... cidrs) {
    return ec2.createManagedPrefixList(b -> b.prefixListName(name).addressFamily("IPv4").maxEntries(10)
        .entries(java.util.Arrays.stream(cidrs).map(c -> AddPrefixListEntry.builder().cidr(c).build()).toList()))
        .prefixList().prefixListId();
  }

  String gatewayEndpoint(String vpcId, String service, String... routeTableIds) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpcId).serviceName(service).vpcEndpointType(VpcEndpointType.GATEWAY)
        .routeTableIds(routeTableIds)).vpcEndpoint().vpcEndpointId();
  }

  String gatewayEndpoint(String vpcId, String service) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpcId).serviceName(service).vpcEndpointType(VpcEndpointType.GATEWAY))
        .vpcEndpoint().vpcEndpointId();
  }

  static String service(String shortName) {
    return "com.amazonaws.us-east-1." + shortName;
  }
}
