package dev.endpointguard.testing;

import java.util.Arrays;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * Route 53 private hosted zones in the local AWS, as the centralized-endpoint design builds them: a zone named after a
 * service's DNS name, associated with the hub VPC and the spoke VPCs, holding a record for the name.
 */
public final class PrivateZones {
  private final Route53Client route53;
  private int zones;

  public PrivateZones(Route53Client route53) {
    this.route53 = route53;
  }

  /** A private zone named {@code name}, associated with every VPC given (the first at creation); its id. */
  public String create(String name, String... vpcIds) {
    String id = route53.createHostedZone(b -> b.name(name).callerReference("zone-" + (++zones) + "-" + name)
        .hostedZoneConfig(c -> c.privateZone(true))
        .vpc(v -> v.vpcId(vpcIds[0]).vpcRegion(VPCRegion.US_EAST_1))).hostedZone().id();
    String zoneId = id.substring(id.lastIndexOf('/') + 1);
    Arrays.stream(vpcIds).skip(1).forEach(vpc -> route53.associateVPCWithHostedZone(b -> b.hostedZoneId(zoneId)
        .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_EAST_1))));
    return zoneId;
  }

  /** An alias A record at {@code name} to {@code target} (an endpoint's DNS entry, as DescribeVpcEndpoints gave it). */
  public void aliasA(String zoneId, String name, DnsEntry target) {
    change(zoneId, ResourceRecordSet.builder().name(name).type("A").aliasTarget(AliasTarget.builder()
        .dnsName(target.dnsName()).hostedZoneId(target.hostedZoneId()).evaluateTargetHealth(false).build()).build());
  }

  /** A record that is not an alias, TTL 300. */
  public void plain(String zoneId, String name, String type, String... values) {
    change(zoneId, ResourceRecordSet.builder().name(name).type(type).ttl(300L)
        .resourceRecords(Arrays.stream(values).map(v -> ResourceRecord.builder().value(v).build()).toList()).build());
  }

  /** A weighted A record (one of several at the same name, told apart by {@code setIdentifier}). */
  public void weightedA(String zoneId, String name, String setIdentifier, String address) {
    change(zoneId, ResourceRecordSet.builder().name(name).type("A").ttl(60L).setIdentifier(setIdentifier).weight(1L)
        .resourceRecords(ResourceRecord.builder().value(address).build()).build());
  }

  private void change(String zoneId, ResourceRecordSet set) {
    route53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(ch -> ch
        .action(ChangeAction.CREATE).resourceRecordSet(set))));
  }

  /** The endpoint's first DNS entry (AWS lists the regional name first). */
  public static DnsEntry regionalEntry(Ec2Client ec2, String endpointId) {
    return ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().get(0).dnsEntries().get(0);
  }
}
