package dev.endpointguard.inventory;

import dev.endpointguard.model.IngressRule;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** Flattens a group's ingress permissions to one {@link IngressRule} per source; absent ports read as -1. */
final class IngressFlattener {
  private IngressFlattener() {
  }

  static List<IngressRule> flatten(String groupId, List<IpPermission> permissions) {
    List<IngressRule> rules = new ArrayList<>();
    for (IpPermission p : permissions) {
      String protocol = p.ipProtocol() == null ? "-1" : p.ipProtocol();
      int from = p.fromPort() == null ? -1 : p.fromPort();
      int to = p.toPort() == null ? -1 : p.toPort();
      for (IpRange r : p.ipRanges()) {
        add(rules, groupId, protocol, from, to, r.cidrIp());
      }
      for (Ipv6Range r : p.ipv6Ranges()) {
        add(rules, groupId, protocol, from, to, r.cidrIpv6());
      }
      for (UserIdGroupPair pair : p.userIdGroupPairs()) {
        add(rules, groupId, protocol, from, to, pair.groupId());
      }
      for (PrefixListId pl : p.prefixListIds()) {
        add(rules, groupId, protocol, from, to, pl.prefixListId());
      }
    }
    return List.copyOf(rules);
  }

  private static void add(List<IngressRule> rules, String groupId, String protocol, int from, int to, String source) {
    if (source != null && !source.isBlank()) {
      rules.add(new IngressRule(groupId, protocol, from, to, source));
    }
  }
}
