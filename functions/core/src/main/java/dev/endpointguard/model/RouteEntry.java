package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One route of a VPC route table as DescribeRouteTables returned it, propagated routes included.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html
 *
 * @param destination        as AWS gives it: an IPv4 CIDR, an IPv6 CIDR, or a managed prefix list id ({@code pl-…})
 * @param targetType         what the route sends traffic to
 * @param target             the target's id ({@code tgw-…}, {@code pcx-…}, {@code vgw-…}, {@code eni-…}, …), a core
 *                           network ARN, {@code local}, or {@code ""} when AWS named no target
 * @param blackhole          the route's state is {@code blackhole}: its target is gone and it carries nothing
 * @param destinationCidrs   the addresses the destination stands for: the CIDR itself, or a prefix list's entries when
 *                           they were read
 * @param destinationUnknown why a prefix list's entries are not known: not read because the route brings no clients,
 *                           or the read failed; empty when {@code destinationCidrs} is complete
 */
public record RouteEntry(String destination, RouteTarget targetType, String target, boolean blackhole,
                         List<String> destinationCidrs, Optional<String> destinationUnknown) {
  public RouteEntry {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(targetType, "targetType");
    Objects.requireNonNull(target, "target");
    destinationCidrs = List.copyOf(destinationCidrs);
    Objects.requireNonNull(destinationUnknown, "destinationUnknown");
  }

  /** The destination is a managed prefix list. */
  public boolean toPrefixList() {
    return destination.startsWith("pl-");
  }

  /** For people: {@code 10.41.0.0/16 → tgw-0abc}. */
  public String describe() {
    return destination + " → " + (target.isEmpty() ? "(" + targetType.description() + ")" : target);
  }
}
