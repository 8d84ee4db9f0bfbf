package dev.endpointguard.model;

import java.util.Collection;
import java.util.List;

/**
 * What a run evaluates: every endpoint and endpoint service in the Region, or the endpoints named by id, the endpoints
 * of some VPCs, the endpoints using some security groups and the account's endpoint services named by id (any mix).
 * Trigger decoders and the CLI make it; the inventory reads it. Ids are checked against their EC2 formats
 * ({@link ResourceIdFormat}) and kept once each, in order.
 *
 * @param wholeRegion        every endpoint and every endpoint service of the account in the Region (the id lists are
 *                           then empty)
 * @param endpointServiceIds endpoint services this account offers ({@code vpce-svc-…})
 * @throws IllegalArgumentException for an id of the wrong format, or ids given with {@code wholeRegion}
 */
public record Targets(boolean wholeRegion, List<String> endpointIds, List<String> vpcIds,
                      List<String> securityGroupIds, List<String> endpointServiceIds) {
  public Targets {
    endpointIds = checked(endpointIds, ResourceIdFormat.VPC_ENDPOINT);
    vpcIds = checked(vpcIds, ResourceIdFormat.VPC);
    securityGroupIds = checked(securityGroupIds, ResourceIdFormat.SECURITY_GROUP);
    endpointServiceIds = checked(endpointServiceIds, ResourceIdFormat.VPC_ENDPOINT_SERVICE);
    if (wholeRegion && !(endpointIds.isEmpty() && vpcIds.isEmpty() && securityGroupIds.isEmpty()
        && endpointServiceIds.isEmpty())) {
      throw new IllegalArgumentException("the whole Region takes no ids");
    }
  }

  /** Endpoints, VPCs and security groups, no endpoint service. */
  public Targets(boolean wholeRegion, List<String> endpointIds, List<String> vpcIds, List<String> securityGroupIds) {
    this(wholeRegion, endpointIds, vpcIds, securityGroupIds, List.of());
  }

  /** Every endpoint in the Region. */
  public static Targets allInRegion() {
    return new Targets(true, List.of(), List.of(), List.of());
  }

  /** Nothing to evaluate. */
  public static Targets none() {
    return new Targets(false, List.of(), List.of(), List.of());
  }

  public static Targets endpoints(Collection<String> ids) {
    return new Targets(false, List.copyOf(ids), List.of(), List.of());
  }

  public static Targets vpcs(Collection<String> ids) {
    return new Targets(false, List.of(), List.copyOf(ids), List.of());
  }

  public static Targets securityGroups(Collection<String> ids) {
    return new Targets(false, List.of(), List.of(), List.copyOf(ids));
  }

  /** The account's endpoint services with these ids. */
  public static Targets endpointServices(Collection<String> ids) {
    return new Targets(false, List.of(), List.of(), List.of(), List.copyOf(ids));
  }

  /** True when there is nothing to read. */
  public boolean isEmpty() {
    return !wholeRegion && endpointIds.isEmpty() && vpcIds.isEmpty() && securityGroupIds.isEmpty()
        && endpointServiceIds.isEmpty();
  }

  /** True when endpoints are to be read (the whole Region, or ids naming endpoints, VPCs or security groups). */
  public boolean namesEndpoints() {
    return wholeRegion || !(endpointIds.isEmpty() && vpcIds.isEmpty() && securityGroupIds.isEmpty());
  }

  /** One line for people: {@code the whole Region}, {@code endpoints vpce-1, vpce-2; VPCs vpc-1}. */
  public String describe() {
    if (wholeRegion) {
      return "the whole Region";
    }
    if (isEmpty()) {
      return "nothing";
    }
    StringBuilder text = new StringBuilder();
    part(text, "endpoints", endpointIds);
    part(text, "VPCs", vpcIds);
    part(text, "security groups", securityGroupIds);
    part(text, "endpoint services", endpointServiceIds);
    return text.toString();
  }

  private static void part(StringBuilder text, String noun, List<String> ids) {
    if (!ids.isEmpty()) {
      text.append(text.length() == 0 ? "" : "; ").append(noun).append(' ').append(String.join(", ", ids));
    }
  }

  private static List<String> checked(List<String> ids, ResourceIdFormat format) {
    ids.forEach(format::require);
    return ids.stream().distinct().toList();
  }
}
