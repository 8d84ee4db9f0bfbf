package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.plan.AddSubnets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * single-az-endpoint: an Interface endpoint whose subnets span fewer distinct AZ ids than required, where required is
 * {@code minAzs} capped by the AZs the service offers in which the VPC has a subnet. AZ ids, not names, because names
 * map to different zones in different accounts.
 * https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html
 */
public final class SingleAzEndpointRule implements Rule.EndpointRule {

  @Override
  public RuleId id() {
    return RuleId.SINGLE_AZ_ENDPOINT;
  }

  @Override
  public Severity severity() {
    return Severity.HIGH;
  }

  @Override
  public Evaluation evaluate(EndpointSnapshot endpoint, RuleContext context) {
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, endpoint);
    String label = EvaluationBuilder.label(endpoint);
    Optional<Evaluation> notOurs = evaluation.notOurInterfaceEndpoint(endpoint, "its subnets");
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    // A fresh endpoint is pending; deleting, failed or rejected ones are not worth more AZs.
    if (!endpoint.state().live()) {
      return evaluation.notApplicable(label + " is " + endpoint.state() + "; only available or pending endpoints"
          + " are judged");
    }
    Set<String> covered = endpoint.coveredAzIds();
    String spans = Reasons.countAndList(covered, "AZ");
    if (!endpoint.service().known()) {
      return covered.size() >= context.minAzs()
          ? evaluation.compliant(label + " spans " + spans + "; " + context.minAzs() + " required")
          : evaluation.nonCompliant(label + " has subnets in " + spans + "; " + context.minAzs() + " required, but"
              + " the service is not in DescribeVpcEndpointServices, so the AZs it offers are unknown and no plan"
              + " is made", List.of());
    }
    int offeredWithSubnet = offeredAzsWithSubnet(endpoint).size();
    int required = Math.min(context.minAzs(), offeredWithSubnet);
    String requirement = required + " required" + (required < context.minAzs()
        ? " (the service offers " + Reasons.count(offeredWithSubnet, "AZ") + " where the VPC has a subnet)" : "");
    if (covered.size() >= required) {
      return evaluation.compliant(label + " spans " + spans + "; " + requirement);
    }
    String finding = label + " has subnets in " + spans + "; " + requirement;
    int missing = required - covered.size();
    SubnetChoice choice = SubnetChoice.forEndpoint(endpoint);
    List<SubnetInfo> picked = choice.pick(missing);
    if (picked.isEmpty()) {
      return evaluation.nonCompliant(finding + "; no subnet can be added: " + choice.whyNoMore(), List.of());
    }
    AddSubnets change = new AddSubnets(endpoint.endpointId(),
        picked.stream().map(SubnetInfo::subnetId).toList(), picked.stream().map(SubnetInfo::azId).toList(),
        context.monthlyCostOfAzs(picked.size()));
    String cost = "adding " + Reasons.count(picked.size(), "AZ") + " costs about "
        + Reasons.dollars(context.monthlyCostOfAzs(picked.size())) + " per month at "
        + Reasons.dollars(context.azHourPriceUsd()) + " per AZ-hour";
    String shortfall = picked.size() < missing
        ? "; only " + picked.size() + " of the " + missing + " missing AZs can be added: " + choice.whyNoMore() : "";
    return evaluation.nonCompliant(finding + "; " + cost + shortfall, List.of(change));
  }

  /** AZ ids the service offers where the VPC has a subnet (the endpoint's own subnets included). */
  private static Set<String> offeredAzsWithSubnet(EndpointSnapshot endpoint) {
    Set<String> vpcAzs = new TreeSet<>(endpoint.coveredAzIds());
    endpoint.vpc().subnets().stream()
        .filter(s -> s.vpcId().equals(endpoint.vpcId()))
        .forEach(s -> vpcAzs.add(s.azId()));
    vpcAzs.retainAll(endpoint.service().offeredAzIds());
    return vpcAzs;
  }
}
