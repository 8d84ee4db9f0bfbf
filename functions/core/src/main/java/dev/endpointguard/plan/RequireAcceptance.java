package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.ResourceIdFormat;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes an endpoint service require acceptance of endpoint connection requests: ModifyVpcEndpointServiceConfiguration
 * with {@code AcceptanceRequired=true}. New requests then wait in {@code pendingAcceptance} until the provider accepts
 * or rejects them. No principal is removed and no connection is rejected: AWS documents no effect on connections
 * already accepted, and a provider rejects an accepted connection only by its own, separate act.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServiceConfiguration.html ·
 * https://docs.aws.amazon.com/vpc/latest/privatelink/accept-reject-endpoint-requests.html
 *
 * @param serviceId           the endpoint service ({@code vpce-svc-…})
 * @param region              its Region, for the rollback command
 * @param untrustedPrincipals the allowed principals outside the trusted accounts and organizations that the plan was
 *                            made for (sorted); they stay allowed
 */
public record RequireAcceptance(String serviceId, String region, List<String> untrustedPrincipals)
    implements Change {

  public RequireAcceptance {
    ResourceIdFormat.VPC_ENDPOINT_SERVICE.require(serviceId);
    Objects.requireNonNull(region, "region");
    untrustedPrincipals = untrustedPrincipals.stream().sorted().distinct().toList();
    if (untrustedPrincipals.isEmpty()) {
      throw new IllegalArgumentException("RequireAcceptance is planned for untrusted principals; none given");
    }
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.REQUIRE_ACCEPTANCE;
  }

  @Override
  public String target() {
    return serviceId;
  }

  @Override
  public Map<String, Object> detail() {
    // region and the untrusted principals the plan was made for: what a plan file needs to rebuild the change.
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("acceptanceRequired", true);
    detail.put("region", region);
    detail.put("untrustedPrincipals", untrustedPrincipals);
    return detail;
  }

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it. */
  static RequireAcceptance fromDetail(String serviceId, DetailReader detail) {
    if (!detail.bool("acceptanceRequired")) {
      throw new IllegalArgumentException(ChangeKind.REQUIRE_ACCEPTANCE + " only turns acceptance on");
    }
    return new RequireAcceptance(serviceId, detail.text("region"), detail.texts("untrustedPrincipals"));
  }

  @Override
  public String describe() {
    return "require acceptance of endpoint connection requests to " + serviceId;
  }

  /**
   * New requests wait for acceptance; accepted connections are not touched: "If you remove permissions, it does not
   * affect existing connections between the endpoint and the service that were previously accepted", and a connection
   * is rejected only by RejectVpcEndpointConnections. So an untrusted consumer already connected stays connected,
   * and the operator must review the existing connections.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html ·
   * https://docs.aws.amazon.com/vpc/latest/privatelink/accept-reject-endpoint-requests.html
   */
  @Override
  public String impact() {
    return "new endpoint connection requests to " + serviceId + " from every allowed principal (trusted ones too)"
        + " wait in pendingAcceptance until you accept or reject them; connections already accepted are unchanged,"
        + " so an endpoint of " + String.join(", ", untrustedPrincipals) + " that is already connected stays"
        + " connected: review them with aws ec2 describe-vpc-endpoint-connections --filters Name=service-id,Values="
        + serviceId + " --region " + region + "; no principal is removed, no cost";
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint-service-configuration --service-id " + serviceId
        + " --no-acceptance-required --region " + region;
  }

  @Override
  public BigDecimal monthlyCostUsd() {
    return BigDecimal.ZERO;
  }

  /** {@code acceptanceRequired} before the change, and the principals allowed then (unchanged by it). */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.endpointService(planned, serviceId).map(s -> Map.<String, Object>of(
        "acceptanceRequired", s.acceptanceRequired(),
        "allowedPrincipals", s.allowedPrincipals().stream().map(EndpointServiceSnapshot.AllowedPrincipal::principal)
            .sorted().toList())).orElse(Map.of());
  }

  /**
   * Only for a service of the estate that AWS does not manage ({@code ManagesVpcEndpoints}), whose principals were
   * read. The change itself only holds new connection requests for review: it removes no principal and rejects no
   * connection.
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    Optional<EndpointServiceSnapshot> service = PlannedFrom.endpointService(from.estate(), serviceId);
    if (service.isEmpty()) {
      return Optional.of("the endpoint service is not in the evaluated estate");
    }
    if (service.get().managesVpcEndpoints()) {
      return Optional.of("the endpoint service's endpoints are managed by an AWS service (ManagesVpcEndpoints)");
    }
    if (!service.get().principalsKnown()) {
      return Optional.of("the endpoint service's allowed principals could not be read");
    }
    return Optional.empty();
  }

  /**
   * Writes while acceptance is still off and an untrusted principal the plan was made for is still allowed; a
   * service that is no longer Available, or whose untrusted principals are all gone, is left alone.
   */
  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.endpointService(serviceId).map(s -> {
      if (s.acceptanceRequired()) {
        return LiveDecision.inEffect();
      }
      if (!EndpointServiceSnapshot.AVAILABLE.equals(s.state())) {
        return LiveDecision.skip(serviceId + " is " + s.state() + ", not Available");
      }
      if (untrustedPrincipals.stream().noneMatch(s.allowedPrincipals()::contains)) {
        return LiveDecision.drifted("none of " + String.join(", ", untrustedPrincipals) + " is allowed any more");
      }
      return LiveDecision.write(this);
    }).orElseGet(() -> LiveDecision.gone(this));
  }

  @Override
  public void write(Ec2Writer writer) {
    writer.call(ec2 -> ec2.modifyVpcEndpointServiceConfiguration(b -> b.serviceId(serviceId)
        .acceptanceRequired(true)));
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.endpointService(serviceId)
        .map(s -> s.acceptanceRequired() ? Optional.<String>empty() : Optional.of("acceptance is still not required"))
        .orElse(Optional.of("endpoint service " + serviceId + " is gone"));
  }
}
