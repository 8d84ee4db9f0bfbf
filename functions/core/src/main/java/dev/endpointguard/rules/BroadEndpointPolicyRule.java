package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.plan.NarrowPolicy;
import dev.endpointguard.policy.PolicyAnalysis;
import dev.endpointguard.policy.PolicyAnalyzer;
import dev.endpointguard.policy.PolicyNarrower;
import dev.endpointguard.policy.StatementFinding;
import dev.endpointguard.policy.TrustedIdentities;
import java.util.List;
import java.util.Optional;

/**
 * broad-endpoint-policy: an endpoint policy with an Allow statement that lets principals outside the trusted accounts
 * and organizations through. The plan narrows it only when the safety check proves the new policy allows nothing the
 * old one denied. https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 */
public final class BroadEndpointPolicyRule implements Rule.EndpointRule {
  /** What AWS applies to an endpoint without a policy document; the rollback target when the document is empty. */
  static final String DEFAULT_POLICY = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private final PolicyJudgements judgements = new PolicyJudgements();

  @Override
  public RuleId id() {
    return RuleId.BROAD_ENDPOINT_POLICY;
  }

  @Override
  public Severity severity() {
    return Severity.HIGH;
  }

  @Override
  public Evaluation evaluate(EndpointSnapshot endpoint, RuleContext context) {
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, endpoint);
    String label = EvaluationBuilder.label(endpoint);
    if (endpoint.type() != EndpointType.INTERFACE && endpoint.type() != EndpointType.GATEWAY) {
      return evaluation.wrongType(endpoint, "Interface and Gateway");
    }
    ServiceFacts service = endpoint.service();
    // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html: "When you create a VPC endpoint for
    // an endpoint service other than an AWS service, we allow full access to the endpoint."
    if (!service.awsService()) {
      return evaluation.notApplicable(label + " connects to an endpoint service that is not an AWS service"
          + service.owner().map(o -> " (owner " + o + ")").orElse("") + ": AWS allows full access through such an"
          + " endpoint whatever its policy says; the service's allowed principals control who connects");
    }
    if (!service.policySupported()) {
      return evaluation.notApplicable(label + " is for a service that does not support endpoint policies");
    }
    TrustedIdentities trust = new TrustedIdentities(context.allTrustedAccounts(), context.trustedOrgIds(),
        context.ownOrganization().orgId());
    String document = endpoint.policyDocument();
    String previous = document.isBlank() ? DEFAULT_POLICY : document;
    PolicyJudgements.Judgement judgement = judgements.judge(document, previous, trust, endpoint.serviceName());
    PolicyAnalysis analysis = judgement.analysis();
    if (analysis.parseError().isPresent()) {
      return evaluation.nonCompliant(label + " has a policy that cannot be parsed: " + analysis.parseError().get(),
          List.of());
    }
    String notes = analysis.notes().isEmpty() ? "" : " (" + String.join("; ", analysis.notes()) + ")";
    if (!analysis.broad()) {
      return evaluation.compliant(label + " has a policy that admits only trusted identities" + notes);
    }
    List<StatementFinding> findings = analysis.broadStatements();
    String finding = label + " has a broad policy" + notes + ": " + findings.get(0).reason()
        + (findings.size() > 1 ? " and " + (findings.size() - 1) + " more" : "");
    Optional<String> managed = EvaluationBuilder.managedElsewhere(endpoint);
    if (managed.isPresent()) {
      return evaluation.nonCompliant(finding + "; " + managed.get() + ", so no plan is made", List.of());
    }
    if (!service.known()) {
      return evaluation.nonCompliant(finding + "; DescribeVpcEndpointServices does not describe the service here, so"
          + " whether its endpoints take a policy is unknown and no plan is made", List.of());
    }
    if (context.ownOrganization() instanceof OwnOrganization.Unreadable unreadable
        && PolicyAnalyzer.namesOrganization(document)) {
      return evaluation.nonCompliant(finding + "; the account's own organization could not be read ("
          + unreadable.reason() + "), so whether the policy names it is unknown and no plan is made", List.of());
    }
    Optional<PolicyNarrower.Narrowing> narrowed = judgement.narrowed();
    if (narrowed.isEmpty()) {
      return evaluation.nonCompliant(finding + "; no narrowed policy could be written, so no plan is made", List.of());
    }
    Optional<String> violation = judgement.violation();
    if (violation.isPresent()) {
      return evaluation.nonCompliant(finding + "; the narrowed policy failed the safety check (" + violation.get()
          + "), so no plan is made", List.of());
    }
    return evaluation.nonCompliant(finding, List.of(new NarrowPolicy(endpoint.endpointId(), previous,
        narrowed.get().policy(), narrowed.get().impact())));
  }
}
