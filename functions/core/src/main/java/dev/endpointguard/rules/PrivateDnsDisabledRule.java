package dev.endpointguard.rules;

import dev.endpointguard.model.DnsNames;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * private-dns-disabled: an Interface endpoint with private DNS off although its service offers a private DNS name, no
 * sibling endpoint provides it, no S3/DynamoDB gateway design explains it and no private hosted zone of the customer's
 * resolves the name to it. Only one endpoint per service per VPC can
 * have private DNS, and it needs both VPC DNS attributes.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
 */
public final class PrivateDnsDisabledRule implements Rule.EndpointRule {

  @Override
  public RuleId id() {
    return RuleId.PRIVATE_DNS_DISABLED;
  }

  @Override
  public Severity severity() {
    return Severity.MEDIUM;
  }

  @Override
  public Evaluation evaluate(EndpointSnapshot endpoint, RuleContext context) {
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, endpoint);
    String label = EvaluationBuilder.label(endpoint);
    Optional<Evaluation> notOurs = evaluation.notOurInterfaceEndpoint(endpoint, "its DNS");
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    if (!endpoint.service().known()) {
      return endpoint.privateDnsEnabled()
          ? evaluation.compliant(label + " has private DNS on")
          : evaluation.notApplicable(label + " has private DNS off, but whether its service offers a private DNS name"
              + " is unknown: DescribeVpcEndpointServices does not describe it here");
    }
    Optional<String> dnsName = endpoint.service().privateDnsName();
    if (dnsName.isEmpty()) {
      return evaluation.notApplicable(label + " is for a service that offers no private DNS name");
    }
    if (endpoint.privateDnsEnabled()) {
      return evaluation.compliant(label + " has private DNS on for " + dnsName.get());
    }
    Optional<EndpointSummary> provider = sibling(endpoint, EndpointType.INTERFACE, true);
    if (provider.isPresent()) {
      return evaluation.notApplicable(label + " has private DNS off, but " + provider.get().endpointId()
          + " already provides private DNS for " + endpoint.serviceName() + " in this VPC");
    }
    // S3 and DynamoDB interface endpoints may run without private DNS beside a gateway endpoint:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
    Optional<EndpointSummary> gateway = sibling(endpoint, EndpointType.GATEWAY, false);
    if (isGatewayCapable(endpoint.serviceName()) && gateway.isPresent()) {
      return evaluation.notApplicable(label + " has private DNS off beside gateway endpoint "
          + gateway.get().endpointId() + " for the same service, a supported design");
    }
    String finding = label + " has private DNS off although the service offers " + dnsName.get();
    Optional<List<HostedZoneRef>> zones = endpoint.vpc().privateHostedZones();
    if (zones.isEmpty()) {
      return evaluation.nonCompliant(finding + "; the private hosted zones associated with " + endpoint.vpcId()
          + " could not be listed, so whether one holds that name is unknown and no plan is made", List.of());
    }
    Optional<HostedZoneRef> zone = zoneNamed(zones.get(), dnsName.get());
    if (zone.isPresent()) {
      return ownZone(endpoint, evaluation, label, finding, zone.get(), dnsName.get());
    }
    Optional<EndpointSummary> first = firstWithoutPrivateDns(endpoint, context);
    if (first.isPresent()) {
      return evaluation.nonCompliant(finding + "; only one endpoint per service per VPC can have private DNS, and the"
          + " plan for " + first.get().endpointId() + " turns it on there", List.of());
    }
    List<EnableVpcDnsAttribute> attributes = VpcDnsAttributes.missing(endpoint.vpc().vpc());
    String vpcNote = attributes.isEmpty() ? ""
        : "; " + endpoint.vpcId() + " also needs " + VpcDnsAttributes.names(attributes) + " on";
    List<Change> plan = new ArrayList<>(attributes);
    // Here no gateway endpoint serves the service in the VPC (else NOT_APPLICABLE above). AWS takes an omitted
    // PrivateDnsOnlyForInboundResolverEndpoint as true and then requires one, so S3 needs false; other services
    // refuse the option. https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
    plan.add(isGatewayCapable(endpoint.serviceName())
        ? EnablePrivateDns.forAllResolvers(endpoint.endpointId(), dnsName.get())
        : new EnablePrivateDns(endpoint.endpointId(), dnsName.get()));
    return evaluation.nonCompliant(finding + vpcNote, plan);
  }

  /**
   * A private hosted zone with the service's name is associated with the VPC, as in the centralized-endpoint design
   * (private DNS off on purpose, the customer's zone aliasing the name to the endpoint): the name resolves to this
   * endpoint (COMPLIANT: the drift this rule exists for is absent), to a sibling (NOT_APPLICABLE), or elsewhere, to
   * nothing or to what could not be read (NON_COMPLIANT: the zone blocks private DNS, so never a plan).
   * https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/centralized-access-to-vpc-private-endpoints.html
   */
  private static Evaluation ownZone(EndpointSnapshot endpoint, EvaluationBuilder evaluation, String label,
                                    String finding, HostedZoneRef zone, String dnsName) {
    String zoneText = "private hosted zone " + zone.zoneId() + " (" + zone.name() + ") associated with "
        + endpoint.vpcId();
    ZoneAnswer.Answer answer = ZoneAnswer.of(endpoint, zone, dnsName);
    String noPlan = "; the zone conflicts with private DNS for that name, so no plan is made";
    return switch (answer.kind()) {
      case THIS_ENDPOINT -> evaluation.compliant(label + " has private DNS off, but " + zoneText + " resolves "
          + answer.text());
      case SIBLING -> evaluation.notApplicable(label + " has private DNS off, but " + zoneText + " resolves "
          + answer.text());
      case ELSEWHERE -> evaluation.nonCompliant(finding + ", and " + zoneText + " resolves " + answer.text() + noPlan,
          List.of());
      case NO_RECORD -> evaluation.nonCompliant(finding + ", and " + zoneText + " " + answer.text() + noPlan,
          List.of());
      case UNKNOWN -> evaluation.nonCompliant(finding + ", and " + zoneText + " " + answer.text()
          + "; no plan is made", List.of());
    };
  }

  private static Optional<EndpointSummary> sibling(EndpointSnapshot endpoint, EndpointType type,
                                                   boolean withPrivateDns) {
    return endpoint.vpc().endpoints().stream()
        .filter(e -> !e.endpointId().equals(endpoint.endpointId()))
        .filter(e -> e.type() == type && e.serviceName().equals(endpoint.serviceName()))
        .filter(e -> !withPrivateDns || e.privateDnsEnabled())
        .findFirst();
  }

  /**
   * Another live Interface endpoint for the same service in the VPC, also without private DNS and not exempt from this
   * rule, that comes first by id: only that one gets the plan, since AWS lets one endpoint per service per VPC have
   * private DNS. An exempt sibling is left alone, so it does not take the plan from this one.
   */
  private static Optional<EndpointSummary> firstWithoutPrivateDns(EndpointSnapshot endpoint, RuleContext context) {
    return endpoint.vpc().endpoints().stream()
        .filter(e -> e.type() == EndpointType.INTERFACE && e.serviceName().equals(endpoint.serviceName()))
        .filter(e -> !e.privateDnsEnabled() && e.state().live())
        .filter(e -> !context.isExempt(RuleId.PRIVATE_DNS_DISABLED, e.endpointId()))
        .filter(e -> e.endpointId().compareTo(endpoint.endpointId()) < 0)
        .min(java.util.Comparator.comparing(EndpointSummary::endpointId));
  }

  /**
   * Services with gateway endpoints as well as interface endpoints: S3 and DynamoDB.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
   */
  private static boolean isGatewayCapable(String serviceName) {
    return serviceName.endsWith(".s3") || serviceName.endsWith(".dynamodb");
  }

  /**
   * The private hosted zone on the VPC named as the service's private DNS name (case-insensitive, trailing dot and a
   * wildcard label ignored): it blocks private DNS ("conflicting DNS domain"). A zone for a parent domain does not,
   * since Route 53 answers from the most specific zone.
   */
  private static Optional<HostedZoneRef> zoneNamed(List<HostedZoneRef> zones, String dnsName) {
    String name = DnsNames.zoneName(dnsName);
    return zones.stream().filter(zone -> DnsNames.zoneName(zone.name()).equals(name)).findFirst();
  }
}
