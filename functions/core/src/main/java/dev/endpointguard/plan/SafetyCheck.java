package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.policy.NarrowingCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Proves, before anything is applied, that a plan only adds or narrows: subnets in new AZs of the same VPC (never
 * public), DNS switches turned on in the order AWS accepts, policies that allow no more than before, and world-open
 * sources replaced by narrower blocks of the same family that still hold every network that can reach the group's
 * endpoint interfaces ({@link ClientNetworks}). Pure: reads only the estate the plan was made from.
 */
public final class SafetyCheck {
  private final BiFunction<String, String, Optional<String>> policyWidening;

  /**
   * @param policyWidening {@code (previous, next) -> why next may allow more than previous}; empty = provably no
   *                       wider (the policy package's {@code NarrowingCheck::violation})
   */
  public SafetyCheck(BiFunction<String, String, Optional<String>> policyWidening) {
    this.policyWidening = Objects.requireNonNull(policyWidening, "policyWidening");
  }

  /** The check with the policy package's proof that a narrowed policy allows nothing the previous one denied. */
  public static SafetyCheck standard() {
    return new SafetyCheck(NarrowingCheck::violation);
  }

  /** The first reason the plan could make things worse, or empty when every change only adds or narrows. */
  public Optional<String> violation(List<Change> plan, Estate estate) {
    List<Change> earlier = new ArrayList<>();
    for (Change change : plan) {
      Optional<String> why = check(change, estate, earlier);
      if (why.isPresent()) {
        return Optional.of(change.kind() + " on " + change.target() + ": " + why.get());
      }
      earlier.add(change);
    }
    return Optional.empty();
  }

  private Optional<String> check(Change change, Estate estate, List<Change> earlier) {
    if (change instanceof AddSubnets c) {
      return withEndpoint(estate, c.endpointId(), e -> addSubnets(c, e));
    } else if (change instanceof EnablePrivateDns c) {
      return withEndpoint(estate, c.endpointId(), e -> enablePrivateDns(e, earlier));
    } else if (change instanceof EnableVpcDnsAttribute c) {
      return vpc(estate, c.vpcId()).map(v -> enableAttribute(c, v, earlier))
          .orElse(Optional.of("the VPC is not in the evaluated estate"));
    } else if (change instanceof NarrowPolicy c) {
      return withEndpoint(estate, c.endpointId(), e -> narrowPolicy(c, e));
    } else if (change instanceof ReplaceIngressSource c) {
      if (onManagedEndpoint(estate, c.groupId())) {
        return Optional.of("the group is on an endpoint managed by its service or requester");
      }
      return group(estate, c.groupId()).map(g -> replaceSource(c, g, estate))
          .orElse(Optional.of("the security group is on no endpoint of the evaluated estate"));
    }
    return Optional.of("unknown change kind");
  }

  /** Runs the check on an endpoint the plan may modify: in the estate, owned by neither a service nor a requester. */
  private static Optional<String> withEndpoint(Estate estate, String endpointId,
                                               Function<EndpointSnapshot, Optional<String>> check) {
    Optional<EndpointSnapshot> found = estate.endpoints().stream()
        .filter(e -> e.endpointId().equals(endpointId)).findFirst();
    if (found.isEmpty()) {
      return Optional.of("the endpoint is not in the evaluated estate");
    }
    EndpointSnapshot e = found.get();
    Optional<String> notOurs = e.managedBy().whyNotOurs();
    return notOurs.isPresent() ? notOurs : check.apply(e);
  }

  private static Optional<VpcInfo> vpc(Estate estate, String vpcId) {
    List<VpcSnapshot> all = new ArrayList<>(estate.vpcs());
    estate.endpoints().forEach(e -> all.add(e.vpc()));
    return all.stream().filter(v -> v.vpcId().equals(vpcId)).findFirst().map(VpcSnapshot::vpc);
  }

  private static Optional<SecurityGroupInfo> group(Estate estate, String groupId) {
    return estate.endpoints().stream().flatMap(e -> e.securityGroups().stream())
        .filter(g -> g.groupId().equals(groupId)).findFirst();
  }

  /** A group on an endpoint that a service or another requester manages is theirs to change, not ours. */
  private static boolean onManagedEndpoint(Estate estate, String groupId) {
    return estate.endpoints().stream()
        .filter(e -> e.managedBy().whyNotOurs().isPresent())
        .anyMatch(e -> e.securityGroups().stream().anyMatch(g -> g.groupId().equals(groupId)));
  }

  // https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#add-remove-subnets: one subnet per AZ.
  private static Optional<String> addSubnets(AddSubnets change, EndpointSnapshot endpoint) {
    if (endpoint.type() != EndpointType.INTERFACE) {
      return Optional.of("only Interface endpoints take subnets, this one is " + endpoint.type().awsName());
    }
    Set<String> seenAzs = new HashSet<>();
    Set<String> seenSubnets = new HashSet<>();
    for (int i = 0; i < change.subnetIds().size(); i++) {
      String subnetId = change.subnetIds().get(i);
      String azId = change.azIds().get(i);
      Optional<SubnetInfo> subnet = endpoint.vpc().subnets().stream()
          .filter(s -> s.subnetId().equals(subnetId)).findFirst();
      if (subnet.isEmpty() || !subnet.get().vpcId().equals(endpoint.vpcId())) {
        return Optional.of(subnetId + " is not a subnet of the endpoint's VPC " + endpoint.vpcId());
      }
      SubnetInfo s = subnet.get();
      if (!s.azId().equals(azId)) {
        return Optional.of(subnetId + " is in AZ " + s.azId() + ", not " + azId);
      }
      if (s.isPublic()) {
        return Optional.of(subnetId + " is public (routes to an internet gateway)");
      }
      if (!endpoint.service().offeredAzIds().contains(azId)) {
        return Optional.of("the service is not offered in AZ " + azId);
      }
      if (endpoint.coveredAzIds().contains(azId)) {
        return Optional.of("the endpoint already covers AZ " + azId);
      }
      if (!seenSubnets.add(subnetId) || !seenAzs.add(azId)) {
        return Optional.of("more than one subnet in AZ " + azId);
      }
    }
    return Optional.empty();
  }

  // Private DNS needs both VPC attributes:
  // https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html#prerequisites-interface-endpoints
  private static Optional<String> enablePrivateDns(EndpointSnapshot endpoint, List<Change> earlier) {
    if (endpoint.type() != EndpointType.INTERFACE) {
      return Optional.of("only Interface endpoints have private DNS, this one is " + endpoint.type().awsName());
    }
    if (endpoint.service().privateDnsName().isEmpty()) {
      return Optional.of("the service offers no private DNS name");
    }
    VpcInfo vpc = endpoint.vpc().vpc();
    for (VpcDnsAttribute attribute : VpcDnsAttribute.values()) {
      if (!isOn(vpc, attribute) && !planned(earlier, vpc.vpcId(), attribute)) {
        return Optional.of(attribute.awsName() + " of " + vpc.vpcId() + " is off and not turned on before");
      }
    }
    return Optional.empty();
  }

  // https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html: hostnames need DNS support on.
  private static Optional<String> enableAttribute(EnableVpcDnsAttribute change, VpcInfo vpc, List<Change> earlier) {
    if (change.attribute() == VpcDnsAttribute.ENABLE_DNS_HOSTNAMES && !vpc.dnsSupport()
        && !planned(earlier, vpc.vpcId(), VpcDnsAttribute.ENABLE_DNS_SUPPORT)) {
      return Optional.of("enableDnsHostnames before enableDnsSupport is on");
    }
    return Optional.empty();
  }

  private Optional<String> narrowPolicy(NarrowPolicy change, EndpointSnapshot endpoint) {
    if (!endpoint.service().policySupported()) {
      return Optional.of("the service does not support endpoint policies");
    }
    if (!PolicyText.same(change.previousPolicy(), endpoint.policyDocument())) {
      return Optional.of("the policy changed since evaluated");
    }
    return policyWidening.apply(change.previousPolicy(), change.newPolicy()).map(w -> "the new policy is wider: " + w);
  }

  private static Optional<String> replaceSource(ReplaceIngressSource change, SecurityGroupInfo group, Estate estate) {
    Optional<Cidr> old = Cidr.parse(change.oldSource());
    if (old.isEmpty() || !old.get().wholeInternet()) {
      return Optional.of("the old source " + change.oldSource() + " is not 0.0.0.0/0 or ::/0");
    }
    IngressRule wanted = new IngressRule(group.groupId(), change.ipProtocol(), change.fromPort(), change.toPort(),
        change.oldSource());
    if (group.ingress().stream().noneMatch(r -> IngressMatch.same(r, wanted))) {
      return Optional.of("the group has no rule " + wanted.describe());
    }
    // Narrowing a group that other resources use could cut them off: only endpoint-only groups are changed.
    if (!group.usageChecked() || !group.otherUsers().isEmpty()) {
      return Optional.of("the group is not known to be used by VPC endpoints alone");
    }
    for (String source : change.newSources()) {
      Optional<Cidr> block = Cidr.parse(source);
      if (block.isEmpty()) {
        return Optional.of("the new source " + source + " is not a CIDR block");
      }
      if (block.get().ipv6() != old.get().ipv6()) {
        return Optional.of("the new source " + source + " is not of the old source's address family");
      }
      if (block.get().wholeInternet()) {
        return Optional.of("the new source " + source + " is not narrower than " + change.oldSource());
      }
    }
    return keepsClients(change, group, estate, old.get().ipv6());
  }

  /**
   * Narrowing may remove only access nobody shown in the estate needs: every network that can reach an endpoint
   * interface using the group (the VPC's blocks and what the interfaces' route tables send to transit gateways, peering,
   * VPN, Cloud WAN, …) must stay inside a new source.
   */
  private static Optional<String> keepsClients(ReplaceIngressSource change, SecurityGroupInfo group, Estate estate,
                                               boolean ipv6) {
    List<EndpointSnapshot> users = estate.endpoints().stream()
        .filter(e -> e.securityGroups().stream().anyMatch(g -> g.groupId().equals(group.groupId()))).toList();
    Set<String> subnets = new TreeSet<>(group.endpointSubnetIds());
    users.forEach(e -> e.subnets().forEach(s -> subnets.add(s.subnetId())));
    ClientNetworks.Result reaching = ClientNetworks.reaching(users.get(0).vpc(), subnets, ipv6);
    if (reaching instanceof ClientNetworks.Unknown unknown) {
      return Optional.of("the networks that can reach the group's endpoint interfaces cannot be known: "
          + unknown.why());
    }
    List<Cidr> kept = change.newSources().stream().map(Cidr::parse).flatMap(Optional::stream).toList();
    for (ClientNetworks.Network network : ((ClientNetworks.Known) reaching).networks()) {
      Optional<Cidr> block = Cidr.parse(network.cidr());
      if (block.isEmpty() || kept.stream().noneMatch(k -> k.contains(block.get()))) {
        return Optional.of("the new sources leave out " + network.cidr() + " (" + network.origin()
            + "), which can reach the group's endpoint interfaces");
      }
    }
    return Optional.empty();
  }

  private static boolean isOn(VpcInfo vpc, VpcDnsAttribute attribute) {
    return attribute == VpcDnsAttribute.ENABLE_DNS_SUPPORT ? vpc.dnsSupport() : vpc.dnsHostnames();
  }

  private static boolean planned(List<Change> earlier, String vpcId, VpcDnsAttribute attribute) {
    return earlier.stream().anyMatch(c -> c instanceof EnableVpcDnsAttribute a
        && a.vpcId().equals(vpcId) && a.attribute() == attribute);
  }
}
