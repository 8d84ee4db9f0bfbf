package dev.endpointguard.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns one VPC DNS attribute on (ModifyVpcAttribute takes one attribute per call). */
public record EnableVpcDnsAttribute(String vpcId, VpcDnsAttribute attribute) implements Change {
  public static final List<String> PERMISSIONS = List.of("ec2:ModifyVpcAttribute");

  public EnableVpcDnsAttribute {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(attribute, "attribute");
  }

  @Override
  public String target() {
    return vpcId;
  }

  @Override
  public Map<String, Object> detail() {
    return Map.of("attribute", attribute.awsName(), "value", true);
  }

  @Override
  public List<String> permissions() {
    return PERMISSIONS;
  }

  @Override
  public String describe() {
    return "turn on " + attribute.awsName() + " for " + vpcId;
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-attribute --vpc-id " + vpcId + " " + attribute.cliFlag() + " '{\"Value\":false}'";
  }
}
