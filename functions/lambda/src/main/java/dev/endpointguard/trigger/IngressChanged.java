package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.List;

/**
 * AuthorizeSecurityGroupIngress or ModifySecurityGroupRules: a group may now admit the world. The endpoints using
 * the groups are re-evaluated; the sources are kept so a handler can recognise the rule its own fix added.
 */
public record IngressChanged(List<String> securityGroupIds, List<String> sources) implements Ec2Change {
  public IngressChanged {
    securityGroupIds = List.copyOf(securityGroupIds);
    sources = List.copyOf(sources);
    if (securityGroupIds.isEmpty()) {
      throw new IllegalArgumentException("an ingress change names at least one security group");
    }
  }

  @Override
  public Targets targets() {
    return Targets.securityGroups(securityGroupIds);
  }
}
