package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/** Live state read straight from EC2, one call per question: for executor tests, independent of the inventory. */
final class Ec2LiveState implements LiveState {
  private final Ec2Client ec2;

  Ec2LiveState(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  @Override
  public Optional<LiveEndpoint> endpoint(String endpointId) {
    return orNotFound(() -> {
      List<VpcEndpoint> found = ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints();
      if (found.isEmpty()) {
        return Optional.empty();
      }
      VpcEndpoint e = found.get(0);
      Set<String> azIds = e.subnetIds().isEmpty() ? Set.of()
          : ec2.describeSubnets(b -> b.subnetIds(e.subnetIds())).subnets().stream()
              .map(s -> s.availabilityZoneId()).collect(Collectors.toSet());
      return Optional.of(new LiveEndpoint(e.vpcEndpointId(), e.vpcId(), EndpointState.of(e.stateAsString()),
          Boolean.TRUE.equals(e.privateDnsEnabled()), e.subnetIds(), azIds,
          e.policyDocument() == null ? "" : e.policyDocument()));
    });
  }

  @Override
  public Optional<LiveEndpointService> endpointService(String serviceId) {
    return orNotFound(() -> ec2.describeVpcEndpointServiceConfigurations(b -> b.serviceIds(serviceId))
        .serviceConfigurations().stream().findFirst().map(c -> new LiveEndpointService(serviceId,
            c.serviceStateAsString(), Boolean.TRUE.equals(c.acceptanceRequired()),
            ec2.describeVpcEndpointServicePermissions(b -> b.serviceId(serviceId)).allowedPrincipals().stream()
                .map(p -> p.principal()).toList())));
  }

  @Override
  public Optional<VpcDnsState> vpcDns(String vpcId) {
    return orNotFound(() -> Optional.of(new VpcDnsState(vpcId,
        ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
            .enableDnsSupport().value(),
        ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
            .enableDnsHostnames().value())));
  }

  @Override
  public Optional<List<IngressRule>> ingress(String groupId) {
    return orNotFound(() -> ec2.describeSecurityGroups(b -> b.groupIds(groupId)).securityGroups().stream()
        .findFirst().map(g -> {
          List<IngressRule> rules = new ArrayList<>();
          for (IpPermission p : g.ipPermissions()) {
            int from = p.fromPort() == null ? -1 : p.fromPort();
            int to = p.toPort() == null ? -1 : p.toPort();
            p.ipRanges().forEach(r -> rules.add(new IngressRule(groupId, p.ipProtocol(), from, to, r.cidrIp())));
            p.ipv6Ranges().forEach(r -> rules.add(new IngressRule(groupId, p.ipProtocol(), from, to, r.cidrIpv6())));
            p.userIdGroupPairs().forEach(r -> rules.add(new IngressRule(groupId, p.ipProtocol(), from, to,
                r.groupId())));
          }
          return List.copyOf(rules);
        }));
  }

  /** EC2 answers an unknown id with an error whose code ends in NotFound: the resource is gone. */
  private static <T> Optional<T> orNotFound(Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (Ec2Exception e) {
      if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode().endsWith("NotFound")) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
