package dev.endpointguard.plan;

import dev.endpointguard.model.Estate;
import dev.endpointguard.model.VpcInfo;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;

/**
 * Turns one VPC DNS attribute on: ModifyVpcAttribute, which takes one attribute per call.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html
 */
public record EnableVpcDnsAttribute(String vpcId, VpcDnsAttribute attribute) implements Change {

  public EnableVpcDnsAttribute {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(attribute, "attribute");
  }

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it (the value is always true). */
  static EnableVpcDnsAttribute fromDetail(String vpcId, DetailReader detail) {
    if (!detail.bool("value")) {
      throw new IllegalArgumentException(ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE + " only turns attributes on");
    }
    String name = detail.text("attribute");
    return new EnableVpcDnsAttribute(vpcId, VpcDnsAttribute.byAwsName(name).orElseThrow(() ->
        new IllegalArgumentException(ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE + " detail attribute '" + name
            + "' is not enableDnsSupport or enableDnsHostnames")));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.ENABLE_VPC_DNS_ATTRIBUTE;
  }

  @Override
  public String target() {
    return vpcId;
  }

  @Override
  public Map<String, Object> detail() {
    return Map.of("attribute", attribute.awsName(), "value", true);
  }

  @Override
  public String describe() {
    return "turn on " + attribute.awsName() + " for " + vpcId;
  }

  /**
   * Side effects only; nothing loses access and nothing is billed. enableDnsSupport turns on the Amazon-provided DNS
   * server of the VPC (private hosted zones associated with it start to answer); enableDnsHostnames gives instances
   * with public IPv4 addresses public DNS hostnames. https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html
   */
  @Override
  public String impact() {
    return switch (attribute) {
      case ENABLE_DNS_SUPPORT -> "the Amazon-provided DNS server answers in " + vpcId
          + ", so its private hosted zones and endpoints' private DNS names resolve there; no access is removed,"
          + " no cost";
      case ENABLE_DNS_HOSTNAMES -> "instances in " + vpcId + " with public IPv4 addresses get public DNS hostnames,"
          + " and endpoints' private DNS names can resolve; no access is removed, no cost";
    };
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-attribute --vpc-id " + vpcId + " " + attribute.cliFlag() + " '{\"Value\":false}'";
  }

  @Override
  public BigDecimal monthlyCostUsd() {
    return BigDecimal.ZERO;
  }

  /** The attribute's value before, under its AWS name ({@code enableDnsSupport} or {@code enableDnsHostnames}). */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.vpc(planned, vpcId).map(v -> Map.<String, Object>of(attribute.awsName(), attribute.isOn(v)))
        .orElse(Map.of());
  }

  /**
   * Hostnames only once DNS support is on, or turned on earlier in the plan: AWS refuses enableDnsHostnames without
   * it. https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    Optional<VpcInfo> vpc = from.vpc(vpcId);
    if (vpc.isEmpty()) {
      return Optional.of("the VPC is not in the evaluated estate");
    }
    if (attribute == VpcDnsAttribute.ENABLE_DNS_HOSTNAMES
        && !onOrTurnedOnEarlier(vpc.get(), VpcDnsAttribute.ENABLE_DNS_SUPPORT, from)) {
      return Optional.of("enableDnsHostnames before enableDnsSupport is on");
    }
    return Optional.empty();
  }

  /** Whether {@code attribute} of {@code vpc} is on in the estate, or a change of the plan before turns it on. */
  static boolean onOrTurnedOnEarlier(VpcInfo vpc, VpcDnsAttribute attribute, PlannedFrom from) {
    return attribute.isOn(vpc) || from.earlier().stream().anyMatch(c -> c instanceof EnableVpcDnsAttribute a
        && a.vpcId().equals(vpc.vpcId()) && a.attribute() == attribute);
  }

  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.vpcDns(vpcId).map(v -> v.isOn(attribute) ? LiveDecision.inEffect() : LiveDecision.write(this))
        .orElseGet(() -> LiveDecision.gone(this));
  }

  @Override
  public void write(Ec2Writer writer) {
    AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
    ModifyVpcAttributeRequest.Builder request = ModifyVpcAttributeRequest.builder().vpcId(vpcId);
    if (attribute == VpcDnsAttribute.ENABLE_DNS_SUPPORT) {
      request.enableDnsSupport(on);
    } else {
      request.enableDnsHostnames(on);
    }
    writer.call(ec2 -> ec2.modifyVpcAttribute(request.build()));
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.vpcDns(vpcId)
        .map(v -> v.isOn(attribute) ? Optional.<String>empty() : Optional.of(attribute.awsName() + " is off"))
        .orElse(Optional.of("VPC " + vpcId + " is gone"));
  }
}
