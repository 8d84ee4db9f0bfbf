package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import java.util.List;

/**
 * vpc-dns-disabled: a VPC holding an Interface endpoint with private DNS on while enableDnsSupport or
 * enableDnsHostnames is off, so the endpoint's private DNS name does not resolve to it.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
 */
public final class VpcDnsDisabledRule implements Rule.VpcRule {

  @Override
  public RuleId id() {
    return RuleId.VPC_DNS_DISABLED;
  }

  @Override
  public Severity severity() {
    return Severity.MEDIUM;
  }

  @Override
  public Evaluation evaluate(VpcSnapshot vpc, RuleContext context) {
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, vpc);
    List<String> withPrivateDns = vpc.endpoints().stream()
        .filter(e -> e.type() == EndpointType.INTERFACE && e.privateDnsEnabled())
        // Endpoints on their way out need no DNS.
        .filter(e -> !e.state().gone())
        .map(EndpointSummary::endpointId)
        .sorted()
        .toList();
    if (withPrivateDns.isEmpty()) {
      return evaluation.notApplicable(vpc.vpcId() + " holds no Interface endpoint with private DNS on");
    }
    String endpoints = Reasons.countAndList(withPrivateDns, "endpoint");
    List<EnableVpcDnsAttribute> missing = VpcDnsAttributes.missing(vpc.vpc());
    if (missing.isEmpty()) {
      return evaluation.compliant(vpc.vpcId() + " has enableDnsSupport and enableDnsHostnames on for " + endpoints
          + " with private DNS");
    }
    return evaluation.nonCompliant(vpc.vpcId() + " has " + VpcDnsAttributes.names(missing) + " off, so private DNS"
        + " does not resolve for " + endpoints + " with it on", missing);
  }
}
