package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.IngressRule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fresh reads of the resources a plan writes, for the executor to check before and verify after each change.
 * Implemented by the inventory (the only code that reads AWS). An empty Optional means the resource is gone.
 */
public interface LiveState {

  /** An endpoint as AWS reports it now. */
  record LiveEndpoint(String endpointId, String vpcId, EndpointState state, boolean privateDnsEnabled,
                       List<String> subnetIds, Set<String> coveredAzIds, String policyDocument) {
    public LiveEndpoint {
      subnetIds = List.copyOf(subnetIds);
      coveredAzIds = Set.copyOf(coveredAzIds);
    }
  }

  /** A VPC's two DNS attributes now. */
  record VpcDnsState(String vpcId, boolean dnsSupport, boolean dnsHostnames) {
    public boolean isOn(VpcDnsAttribute attribute) {
      return attribute == VpcDnsAttribute.ENABLE_DNS_SUPPORT ? dnsSupport : dnsHostnames;
    }
  }

  /**
   * An endpoint service of this account now: its state, whether it requires acceptance, and its allowed principals
   * (sorted).
   */
  record LiveEndpointService(String serviceId, String state, boolean acceptanceRequired,
                             List<String> allowedPrincipals) {
    public LiveEndpointService {
      allowedPrincipals = allowedPrincipals.stream().sorted().toList();
    }
  }

  Optional<LiveEndpoint> endpoint(String endpointId);

  /** An endpoint service of this account as AWS reports it now; empty when it is gone (or deleted). */
  Optional<LiveEndpointService> endpointService(String serviceId);

  Optional<VpcDnsState> vpcDns(String vpcId);

  /** The group's ingress rules now, one per source. */
  Optional<List<IngressRule>> ingress(String groupId);
}
