package dev.endpointguard.model;

/**
 * What a VPC route sends its traffic to, by the field of the route AWS filled in
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html), and whether clients in the route's
 * destination can reach a network interface of the subnets using the route table through it. A client can reach an
 * endpoint interface only when the interface's replies can go back to it, so a route is a path for its destination's
 * clients exactly when its target forwards traffic between networks in both directions
 * (https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html).
 */
public enum RouteTarget {
  /** The VPC itself: its clients are already the VPC's CIDR blocks. */
  LOCAL(false, "local"),
  /**
   * Internet gateway: it translates only for resources with a public address, which endpoint interfaces never have; the
   * internet is what the rule removes, not a network it keeps.
   * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
   */
  INTERNET_GATEWAY(false, "internet gateway"),
  /** Outbound-only IPv6: it lets no connection in. https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html */
  EGRESS_ONLY_INTERNET_GATEWAY(false, "egress-only internet gateway"),
  /** Outbound only: external hosts cannot open connections through it. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html */
  NAT_GATEWAY(false, "NAT gateway"),
  /**
   * Carrier gateway (Wavelength): translates carrier addresses of instances, which endpoint interfaces never have.
   * https://docs.aws.amazon.com/vpc/latest/userguide/Carrier_Gateway.html
   */
  CARRIER_GATEWAY(false, "carrier gateway"),
  /** Gateway endpoint (S3, DynamoDB): sends requests to the AWS service, brings no clients. */
  GATEWAY_ENDPOINT(false, "gateway endpoint"),
  /** https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html */
  TRANSIT_GATEWAY(true, "transit gateway"),
  /** https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html */
  VPC_PEERING_CONNECTION(true, "VPC peering connection"),
  /** Site-to-Site VPN or Direct Connect, static or propagated routes. https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html */
  VIRTUAL_PRIVATE_GATEWAY(true, "virtual private gateway"),
  /** AWS Cloud WAN. https://docs.aws.amazon.com/network-manager/latest/cloudwan/cloudwan-vpc-attachment.html */
  CORE_NETWORK(true, "Cloud WAN core network"),
  /** An appliance's network interface (firewall, VPN or SD-WAN router): it may forward any network's clients. */
  NETWORK_INTERFACE(true, "network interface"),
  /** An appliance instance, as for {@link #NETWORK_INTERFACE}. */
  INSTANCE(true, "instance"),
  /** Outposts local gateway: the on-premises network. https://docs.aws.amazon.com/outposts/latest/userguide/outposts-local-gateways.html */
  LOCAL_GATEWAY(true, "local gateway"),
  /**
   * Gateway Load Balancer endpoint: inspection between networks, so the destination's clients come through it. A route
   * to any other VPC endpoint can only be to one of these: CreateRoute takes a VpcEndpointId "for Gateway Load Balancer
   * endpoints only" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html).
   */
  GATEWAY_LOAD_BALANCER_ENDPOINT(true, "Gateway Load Balancer endpoint"),
  /** Oracle Database@AWS network: its databases are clients like any peered network's. */
  ODB_NETWORK(true, "ODB network"),
  /** A target this code does not know: counted as a path, so that no client behind it is cut off. */
  OTHER(true, "unknown target");

  private final boolean bringsClients;
  private final String description;

  RouteTarget(boolean bringsClients, String description) {
    this.bringsClients = bringsClients;
    this.description = description;
  }

  /** True when clients in the route's destination can reach the subnet's interfaces through this target. */
  public boolean bringsClients() {
    return bringsClients;
  }

  /** For people: {@code transit gateway}. */
  public String description() {
    return description;
  }
}
