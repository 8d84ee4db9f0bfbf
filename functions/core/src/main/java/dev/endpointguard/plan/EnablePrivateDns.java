package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.VpcInfo;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.DnsOptionsSpecification;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;

/**
 * Turns private DNS on for an Interface endpoint. AWS associates the service's private hosted zone with the VPC on
 * the caller's behalf, which needs route53:AssociateVPCWithHostedZone.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
 *
 * @param privateDnsOnlyForInboundResolverEndpoint the {@code DnsOptions} value to send with it, or empty to send no
 *        DNS options. Only for services that have both gateway and interface endpoints (S3): AWS takes the option as
 *        {@code true} when it is omitted, and then refuses unless the VPC has a gateway endpoint for the service, so an
 *        S3 interface endpoint in a VPC without one needs {@code false}; other services refuse the option.
 *        https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
 */
public record EnablePrivateDns(String endpointId, String privateDnsName,
                               Optional<Boolean> privateDnsOnlyForInboundResolverEndpoint) implements Change {

  public EnablePrivateDns {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(privateDnsName, "privateDnsName");
    Objects.requireNonNull(privateDnsOnlyForInboundResolverEndpoint, "privateDnsOnlyForInboundResolverEndpoint");
  }

  /** Private DNS on, no DNS options sent: every service but those with gateway endpoints too. */
  public EnablePrivateDns(String endpointId, String privateDnsName) {
    this(endpointId, privateDnsName, Optional.empty());
  }

  /**
   * Private DNS on for an S3 interface endpoint in a VPC without an S3 gateway endpoint: with
   * {@code PrivateDnsOnlyForInboundResolverEndpoint=false}, the only value AWS accepts there.
   */
  public static EnablePrivateDns forAllResolvers(String endpointId, String privateDnsName) {
    return new EnablePrivateDns(endpointId, privateDnsName, Optional.of(false));
  }

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it. */
  static EnablePrivateDns fromDetail(String endpointId, DetailReader detail) {
    if (!detail.bool("privateDnsEnabled")) {
      throw new IllegalArgumentException(ChangeKind.ENABLE_PRIVATE_DNS + " only turns private DNS on");
    }
    return new EnablePrivateDns(endpointId, detail.text("privateDnsName"), detail.optionalObject("dnsOptions")
        .map(o -> o.bool("privateDnsOnlyForInboundResolverEndpoint")));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.ENABLE_PRIVATE_DNS;
  }

  @Override
  public String target() {
    return endpointId;
  }

  @Override
  public Map<String, Object> detail() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("privateDnsEnabled", true);
    detail.put("privateDnsName", privateDnsName);
    privateDnsOnlyForInboundResolverEndpoint.ifPresent(v -> detail.put("dnsOptions",
        Map.of("privateDnsOnlyForInboundResolverEndpoint", v)));
    return detail;
  }

  @Override
  public String describe() {
    return "turn on private DNS for " + endpointId + " (" + privateDnsName + " resolves to the endpoint)"
        + privateDnsOnlyForInboundResolverEndpoint.map(v -> ", with DNS option PrivateDnsOnlyForInboundResolverEndpoint="
        + v).orElse("");
  }

  /**
   * Inside the VPC the service's name resolves to the endpoint's private addresses: clients that reached the service's
   * public addresses (through a NAT gateway or an internet gateway) now go through the endpoint, where its policy and
   * security groups apply. https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
   * With PrivateDnsOnlyForInboundResolverEndpoint=false that holds for requests from inside the VPC too (true would
   * answer only queries through an inbound Resolver endpoint and leave the VPC's own requests to a gateway endpoint).
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
   */
  @Override
  public String impact() {
    String who = privateDnsOnlyForInboundResolverEndpoint.filter(v -> !v).isPresent()
        ? " for every resolver (PrivateDnsOnlyForInboundResolverEndpoint=false: the VPC has no gateway endpoint for the"
            + " service, so requests from inside the VPC go through this interface endpoint too)"
        : "";
    return privateDnsName + " resolves to the endpoint inside its VPC" + who + ": traffic that left through a NAT or"
        + " internet gateway now goes through the endpoint (its policy and security groups apply; PrivateLink data"
        + " processing replaces NAT data processing); no hourly cost";
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --no-private-dns-enabled";
  }

  @Override
  public BigDecimal monthlyCostUsd() {
    return BigDecimal.ZERO;
  }

  /** {@code privateDnsEnabled} (boolean) of the endpoint before. */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.endpoint(planned, endpointId)
        .map(e -> Map.<String, Object>of("privateDnsEnabled", e.privateDnsEnabled())).orElse(Map.of());
  }

  /**
   * An Interface endpoint of a service that offers a private DNS name, in a VPC whose two DNS attributes are on or
   * turned on earlier in the plan: private DNS needs both.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html#prerequisites-interface-endpoints
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    return from.onOurEndpoint(endpointId, e -> unsafeOn(e, from));
  }

  private static Optional<String> unsafeOn(EndpointSnapshot endpoint, PlannedFrom from) {
    if (endpoint.type() != EndpointType.INTERFACE) {
      return Optional.of("only Interface endpoints have private DNS, this one is " + endpoint.type().awsName());
    }
    if (endpoint.service().privateDnsName().isEmpty()) {
      return Optional.of("the service offers no private DNS name");
    }
    VpcInfo vpc = endpoint.vpc().vpc();
    for (VpcDnsAttribute attribute : VpcDnsAttribute.values()) {
      if (!EnableVpcDnsAttribute.onOrTurnedOnEarlier(vpc, attribute, from)) {
        return Optional.of(attribute.awsName() + " of " + vpc.vpcId() + " is off and not turned on before");
      }
    }
    return Optional.empty();
  }

  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.endpoint(endpointId)
        .map(e -> e.privateDnsEnabled() ? LiveDecision.inEffect() : LiveDecision.writeIfModifiable(e, this))
        .orElseGet(() -> LiveDecision.gone(this));
  }

  @Override
  public void write(Ec2Writer writer) {
    writer.call(ec2 -> ec2.modifyVpcEndpoint(request()));
  }

  /**
   * ModifyVpcEndpoint with PrivateDnsEnabled=true, and DnsOptions only when the change carries one (S3 interface
   * endpoints): other services refuse the option.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
   */
  ModifyVpcEndpointRequest request() {
    ModifyVpcEndpointRequest.Builder request = ModifyVpcEndpointRequest.builder().vpcEndpointId(endpointId)
        .privateDnsEnabled(true);
    privateDnsOnlyForInboundResolverEndpoint.ifPresent(v -> request.dnsOptions(
        DnsOptionsSpecification.builder().privateDnsOnlyForInboundResolverEndpoint(v).build()));
    return request.build();
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.endpoint(endpointId)
        .map(e -> e.privateDnsEnabled() ? Optional.<String>empty() : Optional.of("private DNS is off"))
        .orElse(Optional.of("endpoint " + endpointId + " is gone"));
  }
}
