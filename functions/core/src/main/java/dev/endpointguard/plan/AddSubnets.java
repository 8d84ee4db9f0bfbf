package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.plan.LiveState.LiveEndpoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adds subnets (each in an AZ the endpoint does not cover yet) to an Interface endpoint: ModifyVpcEndpoint with
 * AddSubnetIds. https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#add-remove-subnets
 *
 * @param monthlyCostUsd what the added AZs cost per month (endpoint AZ-hours × 730 h), for the impact line and the
 *                       report's totals; https://aws.amazon.com/privatelink/pricing/
 */
public record AddSubnets(String endpointId, List<String> subnetIds, List<String> azIds, BigDecimal monthlyCostUsd)
    implements Change {

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

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it. */
  static AddSubnets fromDetail(String endpointId, DetailReader detail) {
    return new AddSubnets(endpointId, detail.texts("subnetIds"), detail.texts("azIds"),
        detail.decimal("monthlyCostUsd"));
  }

  /** The same change for only some of its subnets, the cost shared out per AZ. */
  public AddSubnets onlyFor(List<String> someSubnetIds, List<String> theirAzIds) {
    BigDecimal perAz = monthlyCostUsd.divide(BigDecimal.valueOf(subnetIds.size()), 4, RoundingMode.HALF_UP);
    return new AddSubnets(endpointId, someSubnetIds, theirAzIds,
        perAz.multiply(BigDecimal.valueOf(someSubnetIds.size())).setScale(2, RoundingMode.HALF_UP));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.ADD_SUBNETS;
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
  public String describe() {
    return "add subnet(s) " + String.join(", ", subnetIds) + " (AZ " + String.join(", ", azIds) + ") to "
        + endpointId;
  }

  /**
   * The bill and the new interfaces; nothing loses access. Each added subnet gets one endpoint network interface
   * (one private address of that subnet), which takes the endpoint's security groups and policy.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html
   */
  @Override
  public String impact() {
    int n = subnetIds.size();
    return "costs about $" + monthlyCostUsd.setScale(2, RoundingMode.HALF_UP).toPlainString()
        + " more per month (" + n + " more AZ" + (n == 1 ? "" : "s") + " billed per endpoint AZ-hour); adds "
        + (n == 1 ? "a network interface" : n + " network interfaces") + " (one private address in "
        + String.join(", ", subnetIds) + ") under the endpoint's security groups and policy; no access is removed";
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --remove-subnet-ids "
        + String.join(" ", subnetIds);
  }

  /** {@code subnetIds} (list of subnet ids) and {@code azIds} (list of AZ ids) of the endpoint before. */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.endpoint(planned, endpointId).map(e -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subnetIds", e.subnets().stream().map(SubnetInfo::subnetId).toList());
      m.put("azIds", List.copyOf(e.coveredAzIds()));
      return m;
    }).orElse(Map.of());
  }

  /**
   * New private subnets of the endpoint's VPC, one per AZ, in AZs the service is offered in and the endpoint does not
   * cover yet. https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#add-remove-subnets
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    return from.onOurEndpoint(endpointId, this::unsafeOn);
  }

  private Optional<String> unsafeOn(EndpointSnapshot endpoint) {
    if (endpoint.type() != EndpointType.INTERFACE) {
      return Optional.of("only Interface endpoints take subnets, this one is " + endpoint.type().awsName());
    }
    Set<String> seenAzs = new HashSet<>();
    Set<String> seenSubnets = new HashSet<>();
    for (int i = 0; i < subnetIds.size(); i++) {
      String subnetId = subnetIds.get(i);
      String azId = azIds.get(i);
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

  /**
   * Only the subnets in AZs the endpoint still does not cover: adding one in an AZ it now covers would fail with
   * DuplicateSubnetsInSameZone.
   */
  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.endpoint(endpointId).map(this::missingPart).orElseGet(() -> LiveDecision.gone(this));
  }

  private LiveDecision missingPart(LiveEndpoint e) {
    List<String> subnets = new ArrayList<>();
    List<String> azs = new ArrayList<>();
    for (int i = 0; i < subnetIds.size(); i++) {
      if (!e.coveredAzIds().contains(azIds.get(i))) {
        subnets.add(subnetIds.get(i));
        azs.add(azIds.get(i));
      }
    }
    return subnets.isEmpty() ? LiveDecision.inEffect() : LiveDecision.writeIfModifiable(e, onlyFor(subnets, azs));
  }

  @Override
  public void write(Ec2Writer writer) {
    writer.call(ec2 -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).addSubnetIds(subnetIds)));
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.endpoint(endpointId).map(e -> {
      List<String> missing = azIds.stream().filter(az -> !e.coveredAzIds().contains(az)).toList();
      return missing.isEmpty() ? Optional.<String>empty()
          : Optional.of("AZ " + String.join(", ", missing) + " not covered");
    }).orElse(Optional.of("endpoint " + endpointId + " is gone"));
  }
}
