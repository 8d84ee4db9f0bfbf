package dev.endpointguard.plan;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds subnets (each in an AZ the endpoint does not cover yet) to an Interface endpoint.
 *
 * @param monthlyCostUsd what the added AZs cost per month (endpoint AZ-hours × 730 h), for the impact line and the
 *                       report's totals; https://aws.amazon.com/privatelink/pricing/
 */
public record AddSubnets(String endpointId, List<String> subnetIds, List<String> azIds, BigDecimal monthlyCostUsd)
    implements Change {
  public static final List<String> PERMISSIONS = List.of("ec2:ModifyVpcEndpoint");

  public AddSubnets {
    Objects.requireNonNull(endpointId, "endpointId");
    subnetIds = List.copyOf(subnetIds);
    azIds = List.copyOf(azIds);
    Objects.requireNonNull(monthlyCostUsd, "monthlyCostUsd");
    if (subnetIds.isEmpty() || subnetIds.size() != azIds.size()) {
      throw new IllegalArgumentException("AddSubnets needs one AZ id per subnet");
    }
    if (monthlyCostUsd.signum() < 0) {
      throw new IllegalArgumentException("AddSubnets cannot cost less than nothing: " + monthlyCostUsd);
    }
  }

  /** The same change for only some of its subnets, the cost shared out per AZ. */
  public AddSubnets onlyFor(List<String> someSubnetIds, List<String> theirAzIds) {
    BigDecimal perAz = monthlyCostUsd.divide(BigDecimal.valueOf(subnetIds.size()), 4, java.math.RoundingMode.HALF_UP);
    return new AddSubnets(endpointId, someSubnetIds, theirAzIds,
        perAz.multiply(BigDecimal.valueOf(someSubnetIds.size())).setScale(2, java.math.RoundingMode.HALF_UP));
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
    d.put("monthlyCostUsd", monthlyCostUsd);
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

  /**
   * The bill and the new interfaces; nothing loses access. Each added subnet gets one endpoint network interface
   * (one private address of that subnet), which takes the endpoint's security groups and policy.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html
   */
  @Override
  public String impact() {
    int n = subnetIds.size();
    return "costs about $" + monthlyCostUsd.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
        + " more per month (" + n + " more AZ" + (n == 1 ? "" : "s") + " billed per endpoint AZ-hour); adds "
        + (n == 1 ? "a network interface" : n + " network interfaces") + " (one private address in "
        + String.join(", ", subnetIds) + ") under the endpoint's security groups and policy; no access is removed";
  }
}
