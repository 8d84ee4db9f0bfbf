package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.plan.ClientNetworks;
import dev.endpointguard.plan.ReplaceIngressSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * broad-endpoint-security-group: a security group on an Interface endpoint admits 0.0.0.0/0 or ::/0 (any port or
 * protocol). The fix narrows each such source to the networks that can reach the endpoint ({@link ClientNetworks}: the
 * VPC's CIDR blocks and what the endpoint subnets' route tables send to transit gateways, peering connections, VPN,
 * Cloud WAN, …), and only for groups that nothing but VPC endpoints uses, so no other workload loses access. When those
 * networks cannot be known (a route covers more than private address space, a prefix list could not be read), there is
 * no plan.
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
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, endpoint);
    String label = EvaluationBuilder.label(endpoint);
    if (!EvaluationBuilder.isInterface(endpoint)) {
      return evaluation.wrongType(endpoint, "Interface");
    }
    if (endpoint.securityGroups().isEmpty()) {
      return evaluation.compliant(label + " has no security groups");
    }
    List<String> groupIds = endpoint.securityGroups().stream().map(SecurityGroupInfo::groupId).toList();
    List<SecurityGroupInfo> openGroups = endpoint.securityGroups().stream()
        .filter(g -> !g.openIngress().isEmpty())
        .toList();
    if (openGroups.isEmpty()) {
      return evaluation.compliant(label + " has no security group rule open to 0.0.0.0/0 or ::/0 ("
          + String.join(", ", groupIds) + ")");
    }
    List<IngressRule> openRules = openGroups.stream().flatMap(g -> g.openIngress().stream()).toList();
    String finding = label + " admits the internet: " + String.join(", ",
        openRules.stream().map(r -> r.groupId() + " allows " + r.describe()).toList());
    Optional<String> blocker = EvaluationBuilder.managedElsewhere(endpoint).or(() -> openGroups.stream()
        .map(BroadEndpointSecurityGroupRule::whyNotOurs)
        .flatMap(Optional::stream)
        .findFirst());
    if (blocker.isPresent()) {
      return evaluation.nonCompliant(finding + "; " + blocker.get() + ", so no plan is made", List.of());
    }
    List<ReplaceIngressSource> plan = new ArrayList<>();
    Set<String> routedTo = new LinkedHashSet<>();
    for (IngressRule rule : openRules) {
      SecurityGroupInfo group = openGroups.stream().filter(g -> g.groupId().equals(rule.groupId())).findFirst()
          .orElseThrow();
      ClientNetworks.Result networks = ClientNetworks.reaching(endpoint.vpc(), interfaceSubnets(endpoint, group),
          rule.isIpv6Source());
      if (networks instanceof ClientNetworks.Unknown unknown) {
        return evaluation.nonCompliant(finding + "; " + unknown.why()
            + ", so the endpoint's clients cannot be known and no plan is made", List.of());
      }
      ClientNetworks.Known known = (ClientNetworks.Known) networks;
      known.networks().forEach(n -> n.routedTo().ifPresent(routedTo::add));
      plan.add(new ReplaceIngressSource(rule.groupId(), rule.ipProtocol(), rule.fromPort(), rule.toPort(),
          rule.source(), known.cidrs(), known.origins()));
    }
    String vpcId = endpoint.vpcId();
    return evaluation.nonCompliant(finding + "; each such source would be narrowed to the CIDR blocks of " + vpcId
        + (routedTo.isEmpty() ? "" : " and the networks its endpoint subnets route to " + String.join(", ", routedTo)),
        plan);
  }

  /**
   * The subnets of every endpoint interface that uses the group (the inventory lists them), and the endpoint's own:
   * the narrowed group must keep the clients of all of them, or a second endpoint sharing it would lose its own.
   */
  private static Set<String> interfaceSubnets(EndpointSnapshot endpoint, SecurityGroupInfo group) {
    Set<String> subnets = new TreeSet<>(group.endpointSubnetIds());
    endpoint.subnets().forEach(s -> subnets.add(s.subnetId()));
    return subnets;
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
