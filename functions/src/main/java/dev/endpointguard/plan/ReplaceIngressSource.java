package dev.endpointguard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces an ingress rule's world-open source (0.0.0.0/0 or ::/0) with the VPC's CIDR blocks, same protocol and
 * ports. Applied as authorize-new then revoke-old, so access from inside the VPC never drops in between.
 * {@code newSources} may be empty for {@code ::/0} in a VPC without IPv6 blocks: then the rule is only revoked.
 */
public record ReplaceIngressSource(String groupId, String ipProtocol, int fromPort, int toPort, String oldSource,
                                   List<String> newSources) implements Change {
  public static final List<String> PERMISSIONS =
      List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");

  public ReplaceIngressSource {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(ipProtocol, "ipProtocol");
    Objects.requireNonNull(oldSource, "oldSource");
    newSources = List.copyOf(newSources);
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

  @Override
  public String rollback() {
    String range = oldSource.contains(":") ? "Ipv6Ranges=[{CidrIpv6=" + oldSource + "}]"
        : "IpRanges=[{CidrIp=" + oldSource + "}]";
    String portPart = "-1".equals(ipProtocol) ? "" : ",FromPort=" + fromPort + ",ToPort=" + toPort;
    return "aws ec2 authorize-security-group-ingress --group-id " + groupId + " --ip-permissions IpProtocol="
        + ipProtocol + portPart + "," + range;
  }
}
