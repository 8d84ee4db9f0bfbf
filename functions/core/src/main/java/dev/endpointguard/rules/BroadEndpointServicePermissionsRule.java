package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.plan.RequireAcceptance;
import java.util.List;

/**
 * broad-endpoint-service-permissions: an endpoint service this account offers that lets {@code *} or principals
 * outside the trusted accounts and organizations connect while acceptance is not required. AWS: "If you grant everyone
 * permission to access the endpoint service and configure the endpoint service to accept all requests, your load
 * balancer will be public even if it has no public IP address."
 * https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html ·
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePermissions.html
 *
 * <p>The plan is {@link RequireAcceptance}: every new connection request then waits for the provider's review. It
 * never removes a principal (which could cut off a consumer the estate cannot see) and never rejects a connection.
 */
public final class BroadEndpointServicePermissionsRule implements Rule.EndpointServiceRule {

  @Override
  public RuleId id() {
    return RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS;
  }

  /** HIGH: the service's load balancer is reachable by any consumer allowed, "public" in AWS's words for {@code *}. */
  @Override
  public Severity severity() {
    return Severity.HIGH;
  }

  @Override
  public Evaluation evaluate(EndpointServiceSnapshot service, RuleContext context) {
    EvaluationBuilder evaluation = EvaluationBuilder.on(this, service);
    String id = service.serviceId();
    if (!service.available()) {
      return evaluation.notApplicable(id + " is " + service.state() + ", not Available, so it takes no connections");
    }
    // ManagesVpcEndpoints: "Management of the service VPC endpoints using the VPC endpoint API is restricted."
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceConfiguration.html
    if (service.managesVpcEndpoints()) {
      return evaluation.notApplicable(id + " has its endpoints managed by an AWS service (ManagesVpcEndpoints), so"
          + " its connections are not endpoint-guard's to change");
    }
    // "If you specified that acceptance is required for connection requests, you must manually accept or reject
    // endpoint connection requests." https://docs.aws.amazon.com/vpc/latest/privatelink/accept-reject-endpoint-requests.html
    if (service.acceptanceRequired()) {
      return evaluation.compliant(id + " requires acceptance, so every endpoint connection request is reviewed"
          + " before it connects");
    }
    if (!service.principalsKnown()) {
      return evaluation.notApplicable(id + " requires no acceptance, but its allowed principals could not be read ("
          + service.principalsUnreadable().orElse("") + "), so who may connect is unknown and no plan is made");
    }
    ServicePrincipals principals = ServicePrincipals.judge(service.allowedPrincipals(), context);
    if (principals.untrusted().isEmpty()) {
      return principals.trusted().isEmpty()
          ? evaluation.compliant(id + " requires no acceptance and allows no principal to connect")
          : evaluation.compliant(id + " requires no acceptance and allows only trusted principals to connect: "
              + String.join(", ", principals.trusted()));
    }
    List<String> untrusted = principals.untrusted();
    return evaluation.nonCompliant(id + " accepts endpoint connections without review (AcceptanceRequired false)"
        + " from " + ServicePrincipals.describe(untrusted), List.of(
            new RequireAcceptance(id, service.region(), untrusted)));
  }
}
