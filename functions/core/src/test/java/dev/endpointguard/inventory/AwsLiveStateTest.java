package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.plan.LiveState;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

@LocalAwsTest
class AwsLiveStateTest {
  static final String SSM = SeedEstate.service("ssm");

  @Test
  void endpoint_existing_reportsSubnetsAzIdsAndFlags(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String id = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 2), List.of(), false);
    Map<String, String> azIds = clients.ec2().describeAvailabilityZones().availabilityZones().stream()
        .collect(Collectors.toMap(z -> z.zoneName(), z -> z.zoneId()));

    LiveState.LiveEndpoint state = new AwsLiveState(clients).endpoint(id).orElseThrow();

    assertThat(state.endpointId()).isEqualTo(id);
    assertThat(state.vpcId()).isEqualTo(vpc.vpcId());
    assertThat(state.state()).isEqualTo(EndpointState.AVAILABLE);
    assertThat(state.privateDnsEnabled()).isFalse();
    assertThat(state.subnetIds()).containsExactlyElementsOf(vpc.subnetIds().subList(0, 2));
    assertThat(state.coveredAzIds()).containsExactlyInAnyOrder(azIds.get("us-east-1a"), azIds.get("us-east-1b"));
    assertThat(state.policyDocument()).contains("\"*\"");
  }

  @Test
  void endpoint_unknownId_empty(AwsClients clients) {
    assertThat(new AwsLiveState(clients).endpoint("vpce-0123456789abcdef0")).isEmpty();
  }

  @Test
  void endpoint_deleted_empty(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    SeedEstate.SeededVpc vpc = seed.vpc(1);
    String id = seed.interfaceEndpoint(vpc.vpcId(), SSM, vpc.subnetIds().subList(0, 1), List.of(), false);
    clients.ec2().deleteVpcEndpoints(b -> b.vpcEndpointIds(id));

    assertThat(new AwsLiveState(clients).endpoint(id)).isEmpty();
  }

  @Test
  void vpcDns_attributesAsSet_reportedFresh(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    String vpcId = seed.vpc(1).vpcId();
    AwsLiveState live = new AwsLiveState(clients);
    assertThat(live.vpcDns(vpcId)).contains(new LiveState.VpcDnsState(vpcId, true, false));

    seed.dnsOn(vpcId);

    assertThat(live.vpcDns(vpcId)).contains(new LiveState.VpcDnsState(vpcId, true, true));
  }

  @Test
  void vpcDns_unknownVpc_empty(AwsClients clients) {
    assertThat(new AwsLiveState(clients).vpcDns("vpc-0123456789abcdef0")).isEmpty();
  }

  @Test
  void ingress_group_flattenedRules(AwsClients clients) {
    SeedEstate seed = new SeedEstate(clients.ec2());
    String group = seed.group(seed.vpc(1).vpcId(), "g");
    seed.allowFrom(group, IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
        .ipRanges(r -> r.cidrIp("0.0.0.0/0")).ipv6Ranges(r -> r.cidrIpv6("::/0")).build());

    assertThat(new AwsLiveState(clients).ingress(group)).hasValueSatisfying(rules -> assertThat(rules)
        .containsExactlyInAnyOrder(new IngressRule(group, "tcp", 443, 443, "0.0.0.0/0"),
            new IngressRule(group, "tcp", 443, 443, "::/0")));
  }

  @Test
  void ingress_unknownGroup_empty(AwsClients clients) {
    assertThat(new AwsLiveState(clients).ingress("sg-0123456789abcdef0")).isEmpty();
  }
}
