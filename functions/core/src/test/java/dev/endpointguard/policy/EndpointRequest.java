package dev.endpointguard.policy;

import java.util.Optional;

/**
 * A request through an endpoint, as the test evaluator sees it.
 *
 * @param service  the calling AWS service principal (e.g. ec2.amazonaws.com), or empty
 * @param account  the caller's account; empty for an AWS service principal and for an anonymous caller
 * @param org      the caller's organization, when its account is in one
 */
public record EndpointRequest(Optional<String> service, Optional<String> account, Optional<String> org, String action,
                       String resource, String sourceVpc) {
  /** An unsigned request (a yum repository read, an SSM Agent download): no account, no organization. */
  public static EndpointRequest anonymous(String action, String resource, String sourceVpc) {
    return new EndpointRequest(Optional.empty(), Optional.empty(), Optional.empty(), action, resource, sourceVpc);
  }

  /** A request signed by an IAM principal (a role) of {@code account}. */
  public static EndpointRequest signed(String account, Optional<String> org, String action, String resource) {
    return new EndpointRequest(Optional.empty(), Optional.of(account), org, action, resource, "vpc-1");
  }

  boolean isService() {
    return service.isPresent();
  }

  boolean isAnonymous() {
    return service.isEmpty() && account.isEmpty();
  }
}
