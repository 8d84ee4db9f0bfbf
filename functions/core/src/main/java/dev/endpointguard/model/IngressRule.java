package dev.endpointguard.model;

import java.util.Objects;

/**
 * One ingress permission of a security group, flattened to a single source.
 *
 * @param ipProtocol AWS's value: {@code tcp}, {@code udp}, {@code icmp}, a number, or {@code -1} for all traffic
 * @param fromPort   -1 or absent ports are reported as -1
 * @param source     an IPv4 CIDR, an IPv6 CIDR, a security group id ({@code sg-…}) or a prefix list id ({@code pl-…})
 */
public record IngressRule(String groupId, String ipProtocol, int fromPort, int toPort, String source) {
  public static final String ANY_IPV4 = "0.0.0.0/0";
  public static final String ANY_IPV6 = "::/0";

  public IngressRule {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(ipProtocol, "ipProtocol");
    Objects.requireNonNull(source, "source");
  }

  public boolean isIpv6Source() {
    return source.contains(":");
  }

  /** True when the source is the whole IPv4 or IPv6 internet. */
  public boolean isOpenToWorld() {
    return ANY_IPV4.equals(source) || ANY_IPV6.equals(source);
  }

  public boolean allTraffic() {
    return "-1".equals(ipProtocol);
  }

  /** Human form: {@code tcp 443 from 0.0.0.0/0}. */
  public String describe() {
    String ports = allTraffic() ? "all traffic"
        : (fromPort == toPort ? ipProtocol + " " + fromPort : ipProtocol + " " + fromPort + "-" + toPort);
    return ports + " from " + source;
  }
}
