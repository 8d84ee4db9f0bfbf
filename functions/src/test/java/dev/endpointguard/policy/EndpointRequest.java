package dev.endpointguard.policy;

import java.util.Optional;

/**
 * A request through an endpoint, as the test evaluator sees it.
 *
 * @param service  the calling AWS service principal (e.g. ec2.amazonaws.com), or empty for an IAM principal
 * @param account  the caller's account; empty for an AWS service principal
 * @param org      the caller's organization, when its account is in one
 */
record EndpointRequest(Optional<String> service, Optional<String> account, Optional<String> org, String action,
                       String resource, String sourceVpc) {
  boolean isService() {
    return service.isPresent();
  }
}
