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

  /**
   * Side effects only; nothing loses access and nothing is billed. enableDnsSupport turns on the Amazon-provided DNS
   * server of the VPC (private hosted zones associated with it start to answer); enableDnsHostnames gives instances
   * with public IPv4 addresses public DNS hostnames. https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html
   */
  @Override
  public String impact() {
    return switch (attribute) {
      case ENABLE_DNS_SUPPORT -> "the Amazon-provided DNS server answers in " + vpcId
          + ", so its private hosted zones and endpoints' private DNS names resolve there; no access is removed,"
          + " no cost";
      case ENABLE_DNS_HOSTNAMES -> "instances in " + vpcId + " with public IPv4 addresses get public DNS hostnames,"
          + " and endpoints' private DNS names can resolve; no access is removed, no cost";
    };
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-attribute --vpc-id " + vpcId + " " + attribute.cliFlag() + " '{\"Value\":false}'";
  }
}
