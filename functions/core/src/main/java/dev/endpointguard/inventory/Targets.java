package dev.endpointguard.inventory;

import dev.endpointguard.model.ResourceIdFormat;
import java.util.Collection;
import java.util.List;

/** What an inventory read covers: every endpoint in the region, or endpoints picked by id, VPC or security group. */
public sealed interface Targets permits Targets.AllEndpoints, Targets.EndpointIds, Targets.VpcIds,
    Targets.SecurityGroupIds {

  /** Every VPC endpoint in the region. */
  record AllEndpoints() implements Targets {
  }

  /** These endpoints. */
  record EndpointIds(List<String> ids) implements Targets {
    public EndpointIds {
      ids = validated(ids, ResourceIdFormat.VPC_ENDPOINT);
    }
  }

  /** Every endpoint in these VPCs. */
  record VpcIds(List<String> ids) implements Targets {
    public VpcIds {
      ids = validated(ids, ResourceIdFormat.VPC);
    }
  }

  /** Every endpoint that uses one of these security groups. */
  record SecurityGroupIds(List<String> ids) implements Targets {
    public SecurityGroupIds {
      ids = validated(ids, ResourceIdFormat.SECURITY_GROUP);
    }
  }

  static Targets all() {
    return new AllEndpoints();
  }

  static EndpointIds endpoints(Collection<String> ids) {
    return new EndpointIds(List.copyOf(ids));
  }

  static VpcIds vpcs(Collection<String> ids) {
    return new VpcIds(List.copyOf(ids));
  }

  static SecurityGroupIds securityGroups(Collection<String> ids) {
    return new SecurityGroupIds(List.copyOf(ids));
  }

  private static List<String> validated(List<String> ids, ResourceIdFormat format) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("name at least one id, or scan all endpoints");
    }
    ids.forEach(format::require);
    return ids.stream().distinct().toList();
  }
}
