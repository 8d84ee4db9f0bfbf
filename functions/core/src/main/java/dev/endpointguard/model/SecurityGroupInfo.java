package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/**
 * A security group attached to an endpoint.
 *
 * @param otherUsers     network interfaces using the group that are not VPC endpoint interfaces, described for people
 *                       ({@code eni-… (instance i-…)}); only known when {@code usageChecked}
 * @param usageChecked   the inventory looked the group's users up (it does so only for groups open to the world)
 * @param endpointSubnetIds subnets of every VPC endpoint network interface that uses the group: those of the endpoints
 *                          that name it, and of the endpoint interfaces found with it when its users were looked up
 */
public record SecurityGroupInfo(String groupId, String groupName, String vpcId, List<IngressRule> ingress,
                                List<String> otherUsers, boolean usageChecked, List<String> endpointSubnetIds) {
  public SecurityGroupInfo {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(vpcId, "vpcId");
    ingress = List.copyOf(ingress);
    otherUsers = List.copyOf(otherUsers);
    endpointSubnetIds = List.copyOf(endpointSubnetIds);
  }

  /** A group whose endpoint interfaces' subnets are not recorded beyond those of the endpoint it is read with. */
  public SecurityGroupInfo(String groupId, String groupName, String vpcId, List<IngressRule> ingress,
                           List<String> otherUsers, boolean usageChecked) {
    this(groupId, groupName, vpcId, ingress, otherUsers, usageChecked, List.of());
  }

  public List<IngressRule> openIngress() {
    return ingress.stream().filter(IngressRule::isOpenToWorld).toList();
  }
}
