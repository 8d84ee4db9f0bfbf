package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * private-dns-disabled: an Interface endpoint with private DNS off although its service offers a private DNS name, no
 * sibling endpoint provides it and no S3/DynamoDB gateway design explains it. Only one endpoint per service per VPC can
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
    Verdict verdict = Verdict.on(this, endpoint);
    String label = Verdict.label(endpoint);
    if (!Verdict.isInterface(endpoint)) {
      return verdict.wrongType(endpoint, "Interface");
    }
    Optional<String> notOurs = Verdict.managedElsewhere(endpoint);
    if (notOurs.isPresent()) {
      return verdict.notApplicable(label + ": " + notOurs.get() + ", so its DNS is not endpoint-guard's to change");
    }
    if (!endpoint.service().known()) {
      return endpoint.privateDnsEnabled()
          ? verdict.compliant(label + " has private DNS on")
          : verdict.notApplicable(label + " has private DNS off, but whether its service offers a private DNS name"
              + " is unknown: DescribeVpcEndpointServices does not describe it here");
    }
    Optional<String> dnsName = endpoint.service().privateDnsName();
    if (dnsName.isEmpty()) {
      return verdict.notApplicable(label + " is for a service that offers no private DNS name");
    }
    if (endpoint.privateDnsEnabled()) {
      return verdict.compliant(label + " has private DNS on for " + dnsName.get());
    }
    Optional<EndpointSummary> provider = sibling(endpoint, EndpointType.INTERFACE, true);
    if (provider.isPresent()) {
      return verdict.notApplicable(label + " has private DNS off, but " + provider.get().endpointId()
          + " already provides private DNS for " + endpoint.serviceName() + " in this VPC");
    }
    // S3 and DynamoDB interface endpoints may run without private DNS beside a gateway endpoint:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
    Optional<EndpointSummary> gateway = sibling(endpoint, EndpointType.GATEWAY, false);
    if (isGatewayCapable(endpoint.serviceName()) && gateway.isPresent()) {
      return verdict.notApplicable(label + " has private DNS off beside gateway endpoint "
          + gateway.get().endpointId() + " for the same service, a supported design");
    }
    String finding = label + " has private DNS off although the service offers " + dnsName.get();
    Optional<HostedZoneRef> conflict = conflictingZone(endpoint, dnsName.get());
    if (conflict.isPresent()) {
      return verdict.nonCompliant(finding + ", and private hosted zone " + conflict.get().zoneId() + " ("
          + conflict.get().name() + ") associated with " + endpoint.vpcId()
          + " conflicts with that name, so no plan is made", List.of());
    }
    Optional<EndpointSummary> first = firstWithoutPrivateDns(endpoint, context);
    if (first.isPresent()) {
      return verdict.nonCompliant(finding + "; only one endpoint per service per VPC can have private DNS, and the"
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
    return verdict.nonCompliant(finding + vpcNote, plan);
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
        .filter(e -> !e.privateDnsEnabled() && ("available".equals(e.state()) || "pending".equals(e.state())))
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
   * A private hosted zone on the VPC with the service's DNS name blocks private DNS ("conflicting DNS domain"); a zone
   * for a parent domain does not, since Route 53 answers from the most specific zone.
   */
  private static Optional<HostedZoneRef> conflictingZone(EndpointSnapshot endpoint, String dnsName) {
    String name = normalize(dnsName);
    return endpoint.vpc().privateHostedZones().orElse(List.of()).stream()
        .filter(zone -> {
          String zoneName = normalize(zone.name());
          return name.equals(zoneName);
        })
        .findFirst();
  }

  /** Lower case, no trailing dot, no leading wildcard label ({@code *.s3.us-east-1.amazonaws.com}). */
  private static String normalize(String dnsName) {
    String n = dnsName.toLowerCase(Locale.ROOT);
    n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    return n.startsWith("*.") ? n.substring(2) : n;
  }
}
