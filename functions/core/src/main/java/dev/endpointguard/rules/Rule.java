package dev.endpointguard.rules;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.VpcSnapshot;

/**
 * A pure check: snapshot + context → evaluation. No AWS calls, no clock, no environment.
 * A rule is about endpoints or about VPCs.
 */
public sealed interface Rule permits Rule.EndpointRule, Rule.VpcRule {
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
}
