package dev.endpointguard.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns private DNS on for an Interface endpoint. AWS associates the service's private hosted zone with the VPC on
 * the caller's behalf, which needs route53:AssociateVPCWithHostedZone.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
 */
public record EnablePrivateDns(String endpointId, String privateDnsName) implements Change {
  public static final List<String> PERMISSIONS =
      List.of("ec2:ModifyVpcEndpoint", "route53:AssociateVPCWithHostedZone");

  public EnablePrivateDns {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(privateDnsName, "privateDnsName");
  }

  @Override
  public String target() {
    return endpointId;
  }

  @Override
  public Map<String, Object> detail() {
    return Map.of("privateDnsEnabled", true, "privateDnsName", privateDnsName);
  }

  @Override
  public List<String> permissions() {
    return PERMISSIONS;
  }

  @Override
  public String describe() {
    return "turn on private DNS for " + endpointId + " (" + privateDnsName + " resolves to the endpoint)";
  }

  /**
   * Inside the VPC the service's name resolves to the endpoint's private addresses: clients that reached the service's
   * public addresses (through a NAT gateway or an internet gateway) now go through the endpoint, where its policy and
   * security groups apply. https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
   */
  @Override
  public String impact() {
    return privateDnsName + " resolves to the endpoint inside its VPC: traffic that left through a NAT or internet"
        + " gateway now goes through the endpoint (its policy and security groups apply; PrivateLink data"
        + " processing replaces NAT data processing); no hourly cost";
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --no-private-dns-enabled";
  }
}
