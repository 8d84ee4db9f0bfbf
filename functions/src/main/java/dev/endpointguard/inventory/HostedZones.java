package dev.endpointguard.inventory;

import dev.endpointguard.model.HostedZoneRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByVpcResponse;

/**
 * Route 53 private hosted zones associated with a VPC: one of them for a service's name blocks private DNS.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZonesByVPC.html
 */
final class HostedZones {
  private final Supplier<Route53Client> route53;

  HostedZones(Supplier<Route53Client> route53) {
    this.route53 = route53;
  }

  List<HostedZoneRef> ofVpc(String vpcId, String region) {
    List<HostedZoneRef> zones = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListHostedZonesByVpcResponse r = route53.get().listHostedZonesByVPC(b -> b.vpcId(vpcId).vpcRegion(region)
          .nextToken(next));
      for (HostedZoneSummary z : r.hostedZoneSummaries()) {
        if (z.hostedZoneId() != null && z.name() != null) {
          zones.add(new HostedZoneRef(z.hostedZoneId(), withoutTrailingDot(z.name())));
        }
      }
      token = r.nextToken() == null || r.nextToken().isBlank() ? null : r.nextToken();
    } while (token != null);
    return List.copyOf(zones);
  }

  static String withoutTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
