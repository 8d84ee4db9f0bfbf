package dev.endpointguard.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * What the executor may change, read from the local AWS as text: every endpoint's subnets, private DNS, policy and
 * groups; every VPC's DNS attributes; every security group's ingress. Two equal captures mean nothing was written.
 */
record Ec2State(TreeMap<String, String> resources) {

  static Ec2State capture(Ec2Client ec2) {
    TreeMap<String, String> resources = new TreeMap<>();
    for (VpcEndpoint e : ec2.describeVpcEndpointsPaginator(b -> b.maxResults(1000)).vpcEndpoints()) {
      resources.put(e.vpcEndpointId(), "state=" + e.stateAsString() + " subnets=" + sorted(e.subnetIds())
          + " privateDns=" + e.privateDnsEnabled() + " groups=" + e.groups().stream()
          .map(g -> g.groupId()).sorted().toList() + " policy=" + e.policyDocument());
    }
    for (Vpc v : ec2.describeVpcs().vpcs()) {
      boolean support = ec2.describeVpcAttribute(b -> b.vpcId(v.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
          .enableDnsSupport().value();
      boolean hostnames = ec2.describeVpcAttribute(b -> b.vpcId(v.vpcId())
          .attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value();
      resources.put(v.vpcId(), "dnsSupport=" + support + " dnsHostnames=" + hostnames);
    }
    for (SecurityGroup g : ec2.describeSecurityGroups().securityGroups()) {
      List<String> rules = new ArrayList<>();
      for (IpPermission p : g.ipPermissions()) {
        String head = p.ipProtocol() + ":" + p.fromPort() + "-" + p.toPort() + " ";
        p.ipRanges().forEach(r -> rules.add(head + r.cidrIp()));
        p.ipv6Ranges().forEach(r -> rules.add(head + r.cidrIpv6()));
        p.userIdGroupPairs().forEach(r -> rules.add(head + r.groupId()));
        p.prefixListIds().forEach(r -> rules.add(head + r.prefixListId()));
      }
      resources.put(g.groupId(), "ingress=" + sorted(rules));
    }
    return new Ec2State(resources);
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }
}
