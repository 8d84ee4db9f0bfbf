package dev.endpointguard.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replaces an endpoint policy by a narrowed copy: conditions added, actions and resources narrowed, untrusted
 * principals or statements dropped; nothing widened (the policy package's NarrowingCheck proves it).
 *
 * @param impact who loses which access and what is kept, as the policy package worked it out (one line)
 */
public record NarrowPolicy(String endpointId, String previousPolicy, String newPolicy, String impact)
    implements Change {
  public static final List<String> PERMISSIONS = List.of("ec2:ModifyVpcEndpoint");

  public NarrowPolicy {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(previousPolicy, "previousPolicy");
    Objects.requireNonNull(newPolicy, "newPolicy");
    Objects.requireNonNull(impact, "impact");
    if (impact.isBlank()) {
      throw new IllegalArgumentException("NarrowPolicy must say who loses access");
    }
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
  public List<String> permissions() {
    return PERMISSIONS;
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
}
