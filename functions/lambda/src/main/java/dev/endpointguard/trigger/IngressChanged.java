package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;

/**
 * AuthorizeSecurityGroupIngress or ModifySecurityGroupRules: a group may now admit the world. The endpoints using
 * the groups are re-evaluated.
 */
public record IngressChanged(List<String> securityGroupIds) implements Ec2Change {
  public IngressChanged {
    securityGroupIds = List.copyOf(securityGroupIds);
    if (securityGroupIds.isEmpty()) {
      throw new IllegalArgumentException("an ingress change names at least one security group");
    }
  }

  @Override
  public Targets targets() {
    return Targets.securityGroups(securityGroupIds);
  }
}
