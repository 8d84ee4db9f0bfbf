package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;

/**
 * Replaces an ingress rule's world-open source (0.0.0.0/0 or ::/0) with the networks that can reach the endpoint,
 * same protocol and ports. Applied as authorize-new then revoke-old, so access from those networks never drops in
 * between (AuthorizeSecurityGroupIngress, then RevokeSecurityGroupIngress). {@code newSources} may be empty for
 * {@code ::/0} in a VPC without IPv6 networks: then the rule is only revoked.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 *
 * @param sourceOrigins for each new source, why it is kept ("CIDR block of vpc-…", "routed to tgw-… by rtb-…")
 */
public record ReplaceIngressSource(String groupId, String ipProtocol, int fromPort, int toPort, String oldSource,
                                   List<String> newSources, Map<String, String> sourceOrigins) implements Change {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  static final String DUPLICATE_PERMISSION = "InvalidPermission.Duplicate";
  static final String PERMISSION_NOT_FOUND = "InvalidPermission.NotFound";

  public ReplaceIngressSource {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(ipProtocol, "ipProtocol");
    Objects.requireNonNull(oldSource, "oldSource");
    newSources = List.copyOf(newSources);
    sourceOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(sourceOrigins));
  }

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it. */
  static ReplaceIngressSource fromDetail(String groupId, DetailReader detail) {
    return new ReplaceIngressSource(groupId, detail.text("ipProtocol"), detail.integer("fromPort"),
        detail.integer("toPort"), detail.text("oldSource"), detail.texts("newSources"),
        detail.textMap("sourceOrigins"));
  }

  /** The same change for only some of its new sources (the ones still missing), their origins kept. */
  public ReplaceIngressSource withNewSources(List<String> sources) {
    Map<String, String> origins = new LinkedHashMap<>();
    sources.forEach(s -> origins.put(s, sourceOrigins.getOrDefault(s, "")));
    return new ReplaceIngressSource(groupId, ipProtocol, fromPort, toPort, oldSource, sources, origins);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.REPLACE_INGRESS_SOURCE;
  }

  @Override
  public String target() {
    return groupId;
  }

  @Override
  public Map<String, Object> detail() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("ipProtocol", ipProtocol);
    d.put("fromPort", fromPort);
    d.put("toPort", toPort);
    d.put("oldSource", oldSource);
    d.put("newSources", newSources);
    d.put("sourceOrigins", sourceOrigins);
    return d;
  }

  private String ports() {
    return "-1".equals(ipProtocol) ? "all traffic" : ipProtocol + " " + fromPort + (fromPort == toPort ? "" : "-" + toPort);
  }

  @Override
  public String describe() {
    return "in " + groupId + " replace " + ports() + " from " + oldSource + " with "
        + (newSources.isEmpty() ? "nothing (the VPC has no such addresses)" : String.join(", ", newSources));
  }

  /** Which sources lose access and which keep it. */
  @Override
  public String impact() {
    if (newSources.isEmpty()) {
      return ports() + " from " + oldSource + " is removed from " + groupId + ": every " + family()
          + " source loses this access (the VPC has no " + family() + " network that can reach the endpoint)";
    }
    List<String> kept = newSources.stream()
        .map(s -> sourceOrigins.getOrDefault(s, "").isBlank() ? s : s + " (" + sourceOrigins.get(s) + ")")
        .toList();
    return ports() + " through " + groupId + " is lost by every " + family() + " source outside "
        + String.join(", ", newSources) + "; kept: " + String.join(", ", kept);
  }

  private String family() {
    return oldSource.contains(":") ? "IPv6" : "IPv4";
  }

  @Override
  public String rollback() {
    String range = oldSource.contains(":") ? "Ipv6Ranges=[{CidrIpv6=" + oldSource + "}]"
        : "IpRanges=[{CidrIp=" + oldSource + "}]";
    String portPart = "-1".equals(ipProtocol) ? "" : ",FromPort=" + fromPort + ",ToPort=" + toPort;
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId + " --ip-permissions IpProtocol="
        + ipProtocol + portPart + "," + range;
  }

  @Override
  public BigDecimal monthlyCostUsd() {
    return BigDecimal.ZERO;
  }

  /**
   * {@code securityGroupIngress}: an object with the group id as its one key and the group's ingress rules before, one
   * line per source as {@link IngressRule#describe()} writes it ({@code "tcp 443 from 0.0.0.0/0"}).
   */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.group(planned, groupId)
        .map(g -> Map.<String, Object>of("securityGroupIngress",
            Map.of(groupId, g.ingress().stream().map(IngressRule::describe).toList())))
        .orElse(Map.of());
  }

  /**
   * An unshared group on endpoints that are ours, whose world-open rule is replaced by narrower blocks of the same
   * family that still hold every network that can reach the group's endpoint interfaces ({@link ClientNetworks}).
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    if (onManagedEndpoint(from.estate())) {
      return Optional.of("the group is on an endpoint managed by its service or requester");
    }
    return from.group(groupId).map(g -> unsafeIn(g, from.estate()))
        .orElse(Optional.of("the security group is on no endpoint of the evaluated estate"));
  }

  /** A group on an endpoint that a service or another requester manages is theirs to change, not ours. */
  private boolean onManagedEndpoint(Estate estate) {
    return estate.endpoints().stream()
        .filter(e -> e.managedBy().whyNotOurs().isPresent())
        .anyMatch(e -> e.securityGroups().stream().anyMatch(g -> g.groupId().equals(groupId)));
  }

  private Optional<String> unsafeIn(SecurityGroupInfo group, Estate estate) {
    Optional<Cidr> old = Cidr.parse(oldSource);
    if (old.isEmpty() || !old.get().wholeInternet()) {
      return Optional.of("the old source " + oldSource + " is not 0.0.0.0/0 or ::/0");
    }
    IngressRule wanted = rule(oldSource);
    if (group.ingress().stream().noneMatch(r -> IngressMatch.same(r, wanted))) {
      return Optional.of("the group has no rule " + wanted.describe());
    }
    // Narrowing a group that other resources use could cut them off: only endpoint-only groups are changed.
    if (!group.usageChecked() || !group.otherUsers().isEmpty()) {
      return Optional.of("the group is not known to be used by VPC endpoints alone");
    }
    for (String source : newSources) {
      Optional<Cidr> block = Cidr.parse(source);
      if (block.isEmpty()) {
        return Optional.of("the new source " + source + " is not a CIDR block");
      }
      if (block.get().ipv6() != old.get().ipv6()) {
        return Optional.of("the new source " + source + " is not of the old source's address family");
      }
      if (block.get().wholeInternet()) {
        return Optional.of("the new source " + source + " is not narrower than " + oldSource);
      }
    }
    return keepsClients(group, estate, old.get().ipv6());
  }

  /**
   * Narrowing may remove only access nobody shown in the estate needs: every network that can reach an endpoint
   * interface using the group (the VPC's blocks and what the interfaces' route tables send to transit gateways,
   * peering, VPN, Cloud WAN, …) must stay inside a new source.
   */
  private Optional<String> keepsClients(SecurityGroupInfo group, Estate estate, boolean ipv6) {
    List<EndpointSnapshot> users = estate.endpoints().stream()
        .filter(e -> e.securityGroups().stream().anyMatch(g -> g.groupId().equals(group.groupId()))).toList();
    Set<String> subnets = new TreeSet<>(group.endpointSubnetIds());
    users.forEach(e -> e.subnets().forEach(s -> subnets.add(s.subnetId())));
    ClientNetworks.Result reaching = ClientNetworks.reaching(users.get(0).vpc(), subnets, ipv6);
    if (reaching instanceof ClientNetworks.Unknown unknown) {
      return Optional.of("the networks that can reach the group's endpoint interfaces cannot be known: "
          + unknown.why());
    }
    List<Cidr> kept = newSources.stream().map(Cidr::parse).flatMap(Optional::stream).toList();
    for (ClientNetworks.Network network : ((ClientNetworks.Known) reaching).networks()) {
      Optional<Cidr> block = Cidr.parse(network.cidr());
      if (block.isEmpty() || kept.stream().noneMatch(k -> k.contains(block.get()))) {
        return Optional.of("the new sources leave out " + network.cidr() + " (" + network.origin()
            + "), which can reach the group's endpoint interfaces");
      }
    }
    return Optional.empty();
  }

  /**
   * Only the new sources still missing, while the world-open rule is there; with it gone, adding sources would widen
   * what someone else already narrowed.
   */
  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.ingress(groupId).map(this::decide).orElseGet(() -> LiveDecision.gone(this));
  }

  private LiveDecision decide(List<IngressRule> rules) {
    List<String> missing = missingSources(rules);
    if (!hasRule(rules, rule(oldSource))) {
      return missing.isEmpty() ? LiveDecision.inEffect()
          : LiveDecision.drifted(rule(oldSource).describe() + " is no longer in " + groupId);
    }
    return LiveDecision.write(withNewSources(missing));
  }

  /**
   * Authorize the narrower sources first, then revoke the world-open one: in between, the group admits the old source
   * and the new ones, which the old source already covered, so there is never a moment without access and never a
   * moment wider than before.
   */
  @Override
  public void write(Ec2Writer writer) {
    if (!newSources.isEmpty()) {
      try {
        writer.call(ec2 -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
            .ipPermissions(permission(newSources, "endpoint-guard: narrowed from " + oldSource))));
      } catch (Ec2Exception e) {
        // Already there: a concurrent invocation added them first, or the SDK retried our own call after its answer
        // was lost. The revoke below is still due.
        if (!DUPLICATE_PERMISSION.equals(Ec2Writer.errorCode(e))) {
          throw e;
        }
      }
    }
    try {
      writer.call(ec2 -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
          .ipPermissions(permission(List.of(oldSource), ""))));
    } catch (Ec2Exception e) {
      // Already gone (we read it there just before): the SDK retried our own revoke after its answer was lost, or a
      // concurrent invocation revoked it. The executor's re-read then confirms the source is gone; if it is somehow
      // still there, the change is reported as not in effect.
      if (!PERMISSION_NOT_FOUND.equals(Ec2Writer.errorCode(e))) {
        throw e;
      }
    }
  }

  private IpPermission permission(List<String> sources, String description) {
    IpPermission.Builder p = IpPermission.builder().ipProtocol(ipProtocol);
    // For all traffic (-1) AWS takes no ports.
    if (!"-1".equals(ipProtocol)) {
      p.fromPort(fromPort).toPort(toPort);
    }
    List<String> v4 = sources.stream().filter(s -> !s.contains(":")).toList();
    List<String> v6 = sources.stream().filter(s -> s.contains(":")).toList();
    if (!v4.isEmpty()) {
      p.ipRanges(v4.stream().map(s -> IpRange.builder().cidrIp(s)
          .description(description.isEmpty() ? null : description).build()).toList());
    }
    if (!v6.isEmpty()) {
      p.ipv6Ranges(v6.stream().map(s -> Ipv6Range.builder().cidrIpv6(s)
          .description(description.isEmpty() ? null : description).build()).toList());
    }
    return p.build();
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.ingress(groupId).map(this::notReplaced)
        .orElse(Optional.of("security group " + groupId + " is gone"));
  }

  private Optional<String> notReplaced(List<IngressRule> rules) {
    if (hasRule(rules, rule(oldSource))) {
      return Optional.of(rule(oldSource).describe() + " is still there");
    }
    List<String> missing = missingSources(rules);
    return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing) + " not admitted");
  }

  private List<String> missingSources(List<IngressRule> rules) {
    return newSources.stream().filter(s -> !hasRule(rules, rule(s))).toList();
  }

  /** This change's protocol and ports from {@code source}, as a rule of the group. */
  private IngressRule rule(String source) {
    return new IngressRule(groupId, ipProtocol, fromPort, toPort, source);
  }

  private static boolean hasRule(List<IngressRule> rules, IngressRule wanted) {
    return rules.stream().anyMatch(r -> IngressMatch.same(r, wanted));
  }
}
