package dev.endpointguard.plan;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DnsOptionsSpecification;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;

/** The AWS write calls for each change kind; every call goes through {@link #counted} so writes can be asserted. */
final class Ec2Writes {
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
  static final String DUPLICATE_PERMISSION = "InvalidPermission.Duplicate";
  static final String PERMISSION_NOT_FOUND = "InvalidPermission.NotFound";

  private final Ec2Client ec2;
  private int count;

  Ec2Writes(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  /** Write calls made so far, failed ones included. */
  int count() {
    return count;
  }

  void write(Change change) {
    if (change instanceof AddSubnets c) {
      counted(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(c.endpointId()).addSubnetIds(c.subnetIds())));
    } else if (change instanceof EnablePrivateDns c) {
      counted(() -> ec2.modifyVpcEndpoint(enablePrivateDns(c)));
    } else if (change instanceof EnableVpcDnsAttribute c) {
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html: one attribute per call.
      AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();
      ModifyVpcAttributeRequest.Builder request = ModifyVpcAttributeRequest.builder().vpcId(c.vpcId());
      if (c.attribute() == VpcDnsAttribute.ENABLE_DNS_SUPPORT) {
        request.enableDnsSupport(on);
      } else {
        request.enableDnsHostnames(on);
      }
      counted(() -> ec2.modifyVpcAttribute(request.build()));
    } else if (change instanceof NarrowPolicy c) {
      counted(() -> ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(c.endpointId()).policyDocument(c.newPolicy())));
    } else if (change instanceof ReplaceIngressSource c) {
      replaceSource(c);
    } else {
      throw new IllegalArgumentException("unknown change kind " + change.kind());
    }
  }

  /**
   * ModifyVpcEndpoint with PrivateDnsEnabled=true, and DnsOptions only when the change carries one (S3 interface
   * endpoints): other services refuse the option.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
   */
  static ModifyVpcEndpointRequest enablePrivateDns(EnablePrivateDns c) {
    ModifyVpcEndpointRequest.Builder request = ModifyVpcEndpointRequest.builder().vpcEndpointId(c.endpointId())
        .privateDnsEnabled(true);
    c.privateDnsOnlyForInboundResolverEndpoint().ifPresent(v -> request.dnsOptions(
        DnsOptionsSpecification.builder().privateDnsOnlyForInboundResolverEndpoint(v).build()));
    return request.build();
  }

  /**
   * Authorize the narrower sources first, then revoke the world-open one: in between, the group admits the old source
   * and the new ones, which the old source already covered, so there is never a moment without access and never a
   * moment wider than before.
   */
  private void replaceSource(ReplaceIngressSource c) {
    if (!c.newSources().isEmpty()) {
      try {
        counted(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(c.groupId())
            .ipPermissions(permission(c, c.newSources(), "endpoint-guard: narrowed from " + c.oldSource()))));
      } catch (Ec2Exception e) {
        // Already there: a concurrent invocation added them first, or the SDK retried our own call after its answer
        // was lost. The revoke below is still due.
        if (!DUPLICATE_PERMISSION.equals(errorCode(e))) {
          throw e;
        }
      }
    }
    try {
      counted(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(c.groupId())
          .ipPermissions(permission(c, List.of(c.oldSource()), ""))));
    } catch (Ec2Exception e) {
      // Already gone (we read it there just before): the SDK retried our own revoke after its answer was lost, or a
      // concurrent invocation revoked it. The executor's re-read then confirms the source is gone; if it is somehow
      // still there, the change is reported as not in effect.
      if (!PERMISSION_NOT_FOUND.equals(errorCode(e))) {
        throw e;
      }
    }
  }

  /** The EC2 error code of {@code e}, or "" when AWS gave none. */
  static String errorCode(Ec2Exception e) {
    return e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
  }

  private static IpPermission permission(ReplaceIngressSource c, List<String> sources, String description) {
    IpPermission.Builder p = IpPermission.builder().ipProtocol(c.ipProtocol());
    // For all traffic (-1) AWS takes no ports.
    if (!"-1".equals(c.ipProtocol())) {
      p.fromPort(c.fromPort()).toPort(c.toPort());
    }
    List<String> v4 = sources.stream().filter(s -> !s.contains(":")).toList();
    List<String> v6 = sources.stream().filter(s -> s.contains(":")).toList();
    if (!v4.isEmpty()) {
      p.ipRanges(v4.stream().map(s -> IpRange.builder().cidrIp(s)
          .description(description.isEmpty() ? null : description).build()).toList());
    }
    if (!v6.isEmpty()) {
      p.ipv6Ranges(v6.stream().map(s -> Ipv6Range.builder().cidrIpv6(s)
          .description(description.isEmpty() ? null : description).build()).toList());
    }
    return p.build();
  }

  private <T> T counted(Supplier<T> call) {
    count++;
    return call.get();
  }
}
