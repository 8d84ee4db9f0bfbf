package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.VpcSnapshot;

/**
 * A pure check: snapshot + context → evaluation. No AWS calls, no clock, no environment.
 * A rule is about endpoints, VPCs or the endpoint services the account offers.
 */
public sealed interface Rule permits Rule.EndpointRule, Rule.VpcRule, Rule.EndpointServiceRule {
  RuleId id();

  Severity severity();

  ResourceType resourceType();

  /** A rule judging one endpoint. */
  non-sealed interface EndpointRule extends Rule {
    Evaluation evaluate(EndpointSnapshot endpoint, RuleContext context);

    @Override
    default ResourceType resourceType() {
      return ResourceType.VPC_ENDPOINT;
    }
  }

  /** A rule judging one VPC. */
  non-sealed interface VpcRule extends Rule {
    Evaluation evaluate(VpcSnapshot vpc, RuleContext context);

    @Override
    default ResourceType resourceType() {
      return ResourceType.VPC;
    }
  }

  /** A rule judging one endpoint service of the account (the provider side of PrivateLink). */
  non-sealed interface EndpointServiceRule extends Rule {
    Evaluation evaluate(EndpointServiceSnapshot service, RuleContext context);

    @Override
    default ResourceType resourceType() {
      return ResourceType.VPC_ENDPOINT_SERVICE;
    }
  }
}
