package dev.endpointguard.engine;

import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.rules.RuleId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state a rule's plan touches, as it was before the run: what an alert carries for rollback. */
final class PreviousState {
  private PreviousState() {
  }

  static Map<String, Object> ofEndpoint(RuleId rule, EndpointSnapshot e) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (rule) {
      case SINGLE_AZ_ENDPOINT -> {
        m.put("subnetIds", e.subnets().stream().map(SubnetInfo::subnetId).toList());
        m.put("azIds", List.copyOf(e.coveredAzIds()));
      }
      case PRIVATE_DNS_DISABLED -> {
        m.put("privateDnsEnabled", e.privateDnsEnabled());
        m.putAll(ofVpc(e.vpc().vpc()));
      }
      case VPC_DNS_DISABLED -> m.putAll(ofVpc(e.vpc().vpc()));
      case BROAD_ENDPOINT_POLICY -> m.put("policyDocument", e.policyDocument());
      case BROAD_ENDPOINT_SECURITY_GROUP -> {
        Map<String, Object> groups = new LinkedHashMap<>();
        for (SecurityGroupInfo g : e.securityGroups()) {
          groups.put(g.groupId(), g.ingress().stream().map(r -> r.describe()).toList());
        }
        m.put("securityGroupIngress", groups);
      }
    }
    return m;
  }

  static Map<String, Object> ofVpc(VpcInfo vpc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enableDnsSupport", vpc.dnsSupport());
    m.put("enableDnsHostnames", vpc.dnsHostnames());
    return m;
  }
}
