package dev.endpointguard.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A VPC's address space, DNS attributes and tags. */
public record VpcInfo(String vpcId, List<String> ipv4Cidrs, List<String> ipv6Cidrs, boolean dnsSupport,
                      boolean dnsHostnames, Map<String, String> tags) {
  public VpcInfo {
    Objects.requireNonNull(vpcId, "vpcId");
    ipv4Cidrs = List.copyOf(ipv4Cidrs);
    ipv6Cidrs = List.copyOf(ipv6Cidrs);
    tags = Map.copyOf(tags);
  }
}
