package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/**
 * A security group attached to an endpoint.
 *
 * @param otherUsers     network interfaces using the group that are not VPC endpoint interfaces, described for people
 *                       ({@code eni-… (instance i-…)}); only known when {@code usageChecked}
 * @param usageChecked   the inventory looked the group's users up (it does so only for groups open to the world)
 */
public record SecurityGroupInfo(String groupId, String groupName, String vpcId, List<IngressRule> ingress,
                                List<String> otherUsers, boolean usageChecked) {
  public SecurityGroupInfo {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(vpcId, "vpcId");
    ingress = List.copyOf(ingress);
    otherUsers = List.copyOf(otherUsers);
  }

  public List<IngressRule> openIngress() {
    return ingress.stream().filter(IngressRule::isOpenToWorld).toList();
  }
}
