package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.plan.ReplaceIngressSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * broad-endpoint-security-group: a security group on an Interface endpoint admits 0.0.0.0/0 or ::/0 (any port or
 * protocol). The fix narrows each such source to the VPC's own CIDR blocks, and only for groups that nothing but VPC
 * endpoints uses, so no other workload loses access.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
 */
public final class BroadEndpointSecurityGroupRule implements Rule.EndpointRule {

  @Override
  public RuleId id() {
    return RuleId.BROAD_ENDPOINT_SECURITY_GROUP;
  }

  @Override
  public Severity severity() {
    return Severity.HIGH;
  }

  @Override
  public Evaluation evaluate(EndpointSnapshot endpoint, RuleContext context) {
    Verdict verdict = Verdict.on(this, endpoint);
    String label = Verdict.label(endpoint);
    if (!Verdict.isInterface(endpoint)) {
      return verdict.wrongType(endpoint, "Interface");
    }
    if (endpoint.securityGroups().isEmpty()) {
      return verdict.compliant(label + " has no security groups");
    }
    List<String> groupIds = endpoint.securityGroups().stream().map(SecurityGroupInfo::groupId).toList();
    List<SecurityGroupInfo> openGroups = endpoint.securityGroups().stream()
        .filter(g -> !g.openIngress().isEmpty())
        .toList();
    if (openGroups.isEmpty()) {
      return verdict.compliant(label + " has no security group rule open to 0.0.0.0/0 or ::/0 ("
          + String.join(", ", groupIds) + ")");
    }
    List<IngressRule> openRules = openGroups.stream().flatMap(g -> g.openIngress().stream()).toList();
    String finding = label + " admits the internet: " + String.join(", ",
        openRules.stream().map(r -> r.groupId() + " allows " + r.describe()).toList());
    Optional<String> blocker = Verdict.managedElsewhere(endpoint).or(() -> openGroups.stream()
        .map(BroadEndpointSecurityGroupRule::whyNotOurs)
        .flatMap(Optional::stream)
        .findFirst());
    if (blocker.isPresent()) {
      return verdict.nonCompliant(finding + "; " + blocker.get() + ", so no plan is made", List.of());
    }
    VpcInfo vpc = endpoint.vpc().vpc();
    List<ReplaceIngressSource> plan = openRules.stream()
        .map(r -> {
          List<String> sources = r.isIpv6Source() ? vpc.ipv6Cidrs() : vpc.ipv4Cidrs();
          Map<String, String> origins = new LinkedHashMap<>();
          sources.forEach(c -> origins.put(c, "CIDR block of " + vpc.vpcId()));
          return new ReplaceIngressSource(r.groupId(), r.ipProtocol(), r.fromPort(), r.toPort(), r.source(),
              sources, origins);
        })
        .toList();
    return verdict.nonCompliant(finding + "; each such source would be narrowed to the CIDR blocks of "
        + vpc.vpcId(), plan);
  }

  /** Why a group may not be changed for the endpoint's sake: its other users are unknown or exist. */
  private static Optional<String> whyNotOurs(SecurityGroupInfo group) {
    if (!group.usageChecked()) {
      return Optional.of("what else uses " + group.groupId() + " is unknown");
    }
    if (!group.otherUsers().isEmpty()) {
      return Optional.of(group.groupId() + " is also used by " + String.join(", ", group.otherUsers()));
    }
    return Optional.empty();
  }
}
