package dev.endpointguard.inventory;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.plan.LiveState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** Fresh, uncached reads of one resource each, for the executor to check before and verify after a change. */
public final class AwsLiveState implements LiveState {
  static final String VPC_NOT_FOUND = "InvalidVpcID.NotFound";
  static final String GROUP_NOT_FOUND = "InvalidGroup.NotFound";
  static final String GROUP_ID_MALFORMED = "InvalidGroupId.Malformed";
  /** ServiceState values of a service on its way out. */
  static final Set<String> GONE = Set.of("Deleting", "Deleted");

  private final Ec2Client ec2;

  public AwsLiveState(AwsClients clients) {
    this(clients.ec2());
  }

  public AwsLiveState(Ec2Client ec2) {
    this.ec2 = Objects.requireNonNull(ec2, "ec2");
  }

  @Override
  public Optional<LiveEndpoint> endpoint(String endpointId) {
    Optional<RawEndpoint> found;
    try {
      found = ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().stream()
          .map(e -> RawEndpoint.from(e, p -> { })).flatMap(Optional::stream)
          .filter(e -> e.endpointId().equals(endpointId)).findFirst();
    } catch (Ec2Exception e) {
      if (EndpointReader.NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
    if (found.isEmpty() || found.get().gone()) {
      return Optional.empty();
    }
    RawEndpoint e = found.get();
    return Optional.of(new LiveEndpoint(e.endpointId(), e.vpcId(), e.state(), e.privateDnsEnabled(), e.subnetIds(),
        azIdsOf(e.subnetIds()), e.policyDocument()));
  }

  @Override
  public Optional<LiveEndpointService> endpointService(String serviceId) {
    try {
      Optional<ServiceConfiguration> found = ec2.describeVpcEndpointServiceConfigurations(b -> b.serviceIds(serviceId))
          .serviceConfigurations().stream().filter(c -> serviceId.equals(c.serviceId())).findFirst();
      if (found.isEmpty() || GONE.contains(found.get().serviceStateAsString())) {
        return Optional.empty();
      }
      List<String> principals = ec2.describeVpcEndpointServicePermissionsPaginator(b -> b.serviceId(serviceId)
              .maxResults(EndpointServiceReader.PAGE_SIZE)).allowedPrincipals().stream()
          .map(AllowedPrincipal::principal).filter(Objects::nonNull).toList();
      ServiceConfiguration c = found.get();
      return Optional.of(new LiveEndpointService(serviceId, c.serviceStateAsString(),
          Boolean.TRUE.equals(c.acceptanceRequired()), principals));
    } catch (Ec2Exception e) {
      if (EndpointServiceReader.NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Set<String> azIdsOf(List<String> subnetIds) {
    Set<String> azIds = new TreeSet<>();
    if (!subnetIds.isEmpty()) {
      ec2.describeSubnetsPaginator(b -> b.subnetIds(subnetIds)).subnets().stream()
          .map(Subnet::availabilityZoneId).filter(Objects::nonNull).forEach(azIds::add);
    }
    return azIds;
  }

  @Override
  public Optional<VpcDnsState> vpcDns(String vpcId) {
    try {
      var support = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
          .enableDnsSupport();
      var hostnames = ec2.describeVpcAttribute(b -> b.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
          .enableDnsHostnames();
      return Optional.of(new VpcDnsState(vpcId, isOn(support), isOn(hostnames)));
    } catch (Ec2Exception e) {
      if (VPC_NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A missing answer reads as off: the executor then re-applies an idempotent change rather than skip it. */
  private static boolean isOn(AttributeBooleanValue value) {
    return value != null && Boolean.TRUE.equals(value.value());
  }

  @Override
  public Optional<List<IngressRule>> ingress(String groupId) {
    try {
      Optional<SecurityGroup> group = ec2.describeSecurityGroups(b -> b.groupIds(groupId)).securityGroups().stream()
          .filter(g -> groupId.equals(g.groupId())).findFirst();
      return group.map(g -> IngressFlattener.flatten(groupId, g.ipPermissions()));
    } catch (Ec2Exception e) {
      String code = e.awsErrorDetails().errorCode();
      if (GROUP_NOT_FOUND.equals(code) || GROUP_ID_MALFORMED.equals(code)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
