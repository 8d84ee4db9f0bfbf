package dev.endpointguard.testing;

import dev.endpointguard.plan.AddSubnets;
import dev.endpointguard.plan.NarrowPolicy;
import dev.endpointguard.plan.ReplaceIngressSource;
import dev.endpointguard.rules.RuleContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes for tests, with the parts a test about something else does not care about filled in the way the rules fill
 * them for the defaults of {@link Snapshots}: AZs priced at {@link RuleContext#DEFAULT_AZ_HOUR_PRICE}, new security
 * group sources that are the CIDR blocks of {@link Snapshots#VPC_ID}.
 */
public final class Plans {
  private Plans() {
  }

  /** Adds subnets, costing what the rules say at the default AZ-hour price. */
  public static AddSubnets addSubnets(String endpointId, List<String> subnetIds, List<String> azIds) {
    return new AddSubnets(endpointId, subnetIds, azIds,
        Snapshots.context().monthlyCostOfAzs(subnetIds.size()));
  }

  /** A policy narrowing whose impact a test does not look at. */
  public static NarrowPolicy narrowPolicy(String endpointId, String previousPolicy, String newPolicy) {
    return new NarrowPolicy(endpointId, previousPolicy, newPolicy, "principals outside the trusted identities lose"
        + " access through the endpoint");
  }

  /** Replaces a world-open source with CIDR blocks of {@link Snapshots#VPC_ID}. */
  public static ReplaceIngressSource replaceIngressSource(String groupId, String ipProtocol, int fromPort, int toPort,
                                                          String oldSource, List<String> newSources) {
    Map<String, String> origins = new LinkedHashMap<>();
    newSources.forEach(s -> origins.put(s, "CIDR block of " + Snapshots.VPC_ID));
    return new ReplaceIngressSource(groupId, ipProtocol, fromPort, toPort, oldSource, newSources, origins);
  }
}
