package dev.endpointguard.rules;

import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.VpcDnsAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The VPC DNS attributes private DNS needs that are off, as changes: support before hostnames, the only order AWS
 * accepts. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html
 */
final class VpcDnsAttributes {
  private VpcDnsAttributes() {
  }

  static List<EnableVpcDnsAttribute> missing(VpcInfo vpc) {
    List<EnableVpcDnsAttribute> missing = new ArrayList<>();
    if (!vpc.dnsSupport()) {
      missing.add(new EnableVpcDnsAttribute(vpc.vpcId(), VpcDnsAttribute.ENABLE_DNS_SUPPORT));
    }
    if (!vpc.dnsHostnames()) {
      missing.add(new EnableVpcDnsAttribute(vpc.vpcId(), VpcDnsAttribute.ENABLE_DNS_HOSTNAMES));
    }
    return List.copyOf(missing);
  }

  /** {@code enableDnsSupport and enableDnsHostnames}. */
  static String names(List<EnableVpcDnsAttribute> changes) {
    return String.join(" and ", changes.stream().map(c -> c.attribute().awsName()).toList());
  }
}
