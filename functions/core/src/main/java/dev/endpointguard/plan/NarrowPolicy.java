package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.plan.LiveState.LiveEndpoint;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces an endpoint policy by a narrowed copy: conditions added, actions and resources narrowed, untrusted
 * principals or statements dropped; nothing widened (the policy package's NarrowingCheck proves it). ModifyVpcEndpoint
 * with PolicyDocument. https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
 *
 * @param impact who loses which access and what is kept, as the policy package worked it out (one line)
 */
public record NarrowPolicy(String endpointId, String previousPolicy, String newPolicy, String impact)
    implements Change {

  public NarrowPolicy {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(previousPolicy, "previousPolicy");
    Objects.requireNonNull(newPolicy, "newPolicy");
    Objects.requireNonNull(impact, "impact");
    if (impact.isBlank()) {
      throw new IllegalArgumentException("NarrowPolicy must say who loses access");
    }
  }

  /** The change a plan file describes: {@code detail} as {@link #detail()} writes it, and its impact line. */
  static NarrowPolicy fromDetail(String endpointId, DetailReader detail, String impact) {
    return new NarrowPolicy(endpointId, detail.text("previousPolicy"), detail.text("newPolicy"), impact);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.NARROW_POLICY;
  }

  @Override
  public String target() {
    return endpointId;
  }

  @Override
  public Map<String, Object> detail() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("newPolicy", newPolicy);
    d.put("previousPolicy", previousPolicy);
    return d;
  }

  @Override
  public String describe() {
    return "replace the endpoint policy of " + endpointId + " with a narrowed copy that allows nothing the current"
        + " one denies";
  }

  @Override
  public String rollback() {
    return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + endpointId + " --policy-document '"
        + previousPolicy.replace("'", "'\\''") + "'";
  }

  @Override
  public BigDecimal monthlyCostUsd() {
    return BigDecimal.ZERO;
  }

  /** {@code policyDocument} (the JSON text, empty when the endpoint had none) of the endpoint before. */
  @Override
  public Map<String, Object> previousState(Estate planned) {
    return PlannedFrom.endpoint(planned, endpointId)
        .map(e -> Map.<String, Object>of("policyDocument", e.policyDocument())).orElse(Map.of());
  }

  /**
   * A service that supports endpoint policies, the policy still the one the plan narrows, and a new one proven to allow
   * nothing the previous one denied. https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
   */
  @Override
  public Optional<String> whyUnsafe(PlannedFrom from) {
    return from.onOurEndpoint(endpointId, e -> unsafeOn(e, from));
  }

  private Optional<String> unsafeOn(EndpointSnapshot endpoint, PlannedFrom from) {
    if (!endpoint.service().policySupported()) {
      return Optional.of("the service does not support endpoint policies");
    }
    if (!PolicyText.same(previousPolicy, endpoint.policyDocument())) {
      return Optional.of("the policy changed since evaluated");
    }
    return from.policyWidening(previousPolicy, newPolicy).map(w -> "the new policy is wider: " + w);
  }

  @Override
  public LiveDecision beforeWrite(LiveState live) {
    return live.endpoint(endpointId).map(this::decide).orElseGet(() -> LiveDecision.gone(this));
  }

  private LiveDecision decide(LiveEndpoint e) {
    if (PolicyText.same(e.policyDocument(), newPolicy)) {
      return LiveDecision.inEffect();
    }
    if (!PolicyText.same(e.policyDocument(), previousPolicy)) {
      return LiveDecision.drifted("the policy of " + endpointId + " is no longer the one the plan narrows");
    }
    return LiveDecision.writeIfModifiable(e, this);
  }

  @Override
  public void write(Ec2Writer writer) {
    writer.call(ec2 -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(endpointId).policyDocument(newPolicy)));
  }

  @Override
  public Optional<String> notInEffect(LiveState live) {
    return live.endpoint(endpointId)
        .map(e -> PolicyText.same(e.policyDocument(), newPolicy) ? Optional.<String>empty()
            : Optional.of("the policy is not the narrowed one"))
        .orElse(Optional.of("endpoint " + endpointId + " is gone"));
  }
}
