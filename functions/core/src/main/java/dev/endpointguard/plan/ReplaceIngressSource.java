package dev.endpointguard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces an ingress rule's world-open source (0.0.0.0/0 or ::/0) with the networks that can reach the endpoint,
 * same protocol and ports. Applied as authorize-new then revoke-old, so access from those networks never drops in
 * between. {@code newSources} may be empty for {@code ::/0} in a VPC without IPv6 networks: then the rule is only
 * revoked.
 *
 * @param sourceOrigins for each new source, why it is kept ("CIDR block of vpc-…", "routed to tgw-… by rtb-…")
 */
public record ReplaceIngressSource(String groupId, String ipProtocol, int fromPort, int toPort, String oldSource,
                                   List<String> newSources, Map<String, String> sourceOrigins) implements Change {
  public static final List<String> PERMISSIONS =
      List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");

  public ReplaceIngressSource {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(ipProtocol, "ipProtocol");
    Objects.requireNonNull(oldSource, "oldSource");
    newSources = List.copyOf(newSources);
    sourceOrigins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sourceOrigins));
  }

  /** The same change for only some of its new sources (the ones still missing), their origins kept. */
  public ReplaceIngressSource withNewSources(List<String> sources) {
    Map<String, String> origins = new LinkedHashMap<>();
    sources.forEach(s -> origins.put(s, sourceOrigins.getOrDefault(s, "")));
    return new ReplaceIngressSource(groupId, ipProtocol, fromPort, toPort, oldSource, sources, origins);
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

  @Override
  public List<String> permissions() {
    return PERMISSIONS;
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
}
