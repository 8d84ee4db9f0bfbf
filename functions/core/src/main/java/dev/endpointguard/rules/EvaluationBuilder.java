package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.ManagedBy;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.plan.Change;
import java.util.List;
import java.util.Optional;

/** Builds one rule's evaluations of one resource, so each rule states only its status, reason and plan. */
final class EvaluationBuilder {
  private final Rule rule;
  private final String resourceId;
  private final String vpcId;

  private EvaluationBuilder(Rule rule, String resourceId, String vpcId) {
    this.rule = rule;
    this.resourceId = resourceId;
    this.vpcId = vpcId;
  }

  static EvaluationBuilder on(Rule rule, EndpointSnapshot endpoint) {
    return new EvaluationBuilder(rule, endpoint.endpointId(), endpoint.vpcId());
  }

  static EvaluationBuilder on(Rule rule, VpcSnapshot vpc) {
    return new EvaluationBuilder(rule, vpc.vpcId(), vpc.vpcId());
  }

  /** An endpoint service is in no VPC: its evaluations carry {@link Evaluation#NO_VPC}. */
  static EvaluationBuilder on(Rule rule, EndpointServiceSnapshot service) {
    return new EvaluationBuilder(rule, service.serviceId(), Evaluation.NO_VPC);
  }

  /** How reasons name an endpoint: {@code vpce-… (com.amazonaws.us-east-1.ssm)}. */
  static String label(EndpointSnapshot endpoint) {
    return endpoint.endpointId() + " (" + endpoint.serviceName() + ")";
  }

  /** NOT_APPLICABLE for an endpoint of a type the rule does not judge. */
  Evaluation wrongType(EndpointSnapshot endpoint, String judgedTypes) {
    return notApplicable(label(endpoint) + " is a " + endpoint.type().awsName() + " endpoint; "
        + rule.id() + " applies to " + judgedTypes + " endpoints");
  }

  static boolean isInterface(EndpointSnapshot endpoint) {
    return endpoint.type() == EndpointType.INTERFACE;
  }

  Evaluation compliant(String reason) {
    return of(Status.COMPLIANT, reason, List.of());
  }

  Evaluation notApplicable(String reason) {
    return of(Status.NOT_APPLICABLE, reason, List.of());
  }

  Evaluation nonCompliant(String reason, List<? extends Change> plan) {
    return of(Status.NON_COMPLIANT, reason, List.copyOf(plan));
  }

  private Evaluation of(Status status, String reason, List<Change> plan) {
    return new Evaluation(rule.id(), rule.resourceType(), resourceId, vpcId, status, rule.severity(), reason, plan);
  }

  /**
   * The verdict of a rule on Interface endpoints it may change, when this endpoint is not one: NOT_APPLICABLE for
   * another type, or for an endpoint managed by a service or a requester ({@link ManagedBy}). Empty when the rule
   * goes on to judge it.
   *
   * @param whatIsTheirs what of the endpoint the rule would change, for the reason ("its subnets", "its DNS")
   */
  Optional<Evaluation> notOurInterfaceEndpoint(EndpointSnapshot endpoint, String whatIsTheirs) {
    if (!isInterface(endpoint)) {
      return Optional.of(wrongType(endpoint, "Interface"));
    }
    return managedElsewhere(endpoint).map(why -> notApplicable(label(endpoint) + ": " + why + ", so " + whatIsTheirs
        + " " + (whatIsTheirs.endsWith("s") ? "are" : "is") + " not endpoint-guard's to change"));
  }

  /** Why an endpoint is not ours to change, if it is not: the one decision of {@link ManagedBy}. */
  static Optional<String> managedElsewhere(EndpointSnapshot endpoint) {
    return endpoint.managedBy().whyNotOurs();
  }
}
