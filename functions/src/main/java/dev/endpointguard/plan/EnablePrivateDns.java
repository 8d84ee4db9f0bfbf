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

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --no-private-dns-enabled";
  }
}
