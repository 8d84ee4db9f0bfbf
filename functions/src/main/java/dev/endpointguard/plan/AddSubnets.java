package dev.endpointguard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Adds subnets (each in an AZ the endpoint does not cover yet) to an Interface endpoint. */
public record AddSubnets(String endpointId, List<String> subnetIds, List<String> azIds) implements Change {
  public static final List<String> PERMISSIONS = List.of("ec2:ModifyVpcEndpoint");

  public AddSubnets {
    Objects.requireNonNull(endpointId, "endpointId");
    subnetIds = List.copyOf(subnetIds);
    azIds = List.copyOf(azIds);
    if (subnetIds.isEmpty() || subnetIds.size() != azIds.size()) {
      throw new IllegalArgumentException("AddSubnets needs one AZ id per subnet");
    }
  }

  @Override
  public String target() {
    return endpointId;
  }

  @Override
  public Map<String, Object> detail() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("subnetIds", subnetIds);
    d.put("azIds", azIds);
    return d;
  }

  @Override
  public List<String> permissions() {
    return PERMISSIONS;
  }

  @Override
  public String describe() {
    return "add subnet(s) " + String.join(", ", subnetIds) + " (AZ " + String.join(", ", azIds) + ") to "
        + endpointId;
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --remove-subnet-ids "
        + String.join(" ", subnetIds);
  }
}
