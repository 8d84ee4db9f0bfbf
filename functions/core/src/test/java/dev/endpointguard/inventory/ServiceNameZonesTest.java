package dev.endpointguard.inventory;

import static dev.endpointguard.testing.Snapshots.aliasRecord;
import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.PrivateDnsDisabledRule;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.PrivateZones;
import dev.endpointguard.testing.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DnsEntry;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Issue 10 a against the local AWS: the hosted zones named after a service whose endpoint has private DNS off are read
 * with their records (once per zone, whatever the number of VPCs sharing it: a hub and its spokes), interface
 * addresses only when a record holds plain addresses, and what AWS refuses is reported, never planned on.
 */
@LocalAwsTest
class ServiceNameZonesTest {
  private static final String SSM = SeedEstate.service("ssm");
  private static final String SSM_NAME = "ssm.us-east-1.amazonaws.com";

  private SeedEstate seed;
  private PrivateZones zones;

  @BeforeEach
  void seed(AwsClients clients) {
    seed = new SeedEstate(clients.ec2());
    zones = new PrivateZones(clients.route53());
  }

  /** Counts calls, and fails those named in {@code failing} as AWS would refuse them (AccessDenied). */
  private static AwsClients clients(LocalAws aws, CallCountingInterceptor counter, String... failing) {
    ExecutionInterceptor refuse = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (List.of(failing).contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          throw Route53Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
              .errorCode("AccessDenied").errorMessage("not authorized").build()).message("not authorized").build();
        }
      }
    };
    return new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()).withRetries(false)
        .withInterceptors(List.of(counter, refuse)));
  }

  private static InventoryResult load(LocalAws aws, CallCountingInterceptor counter, String... failing) {
    try (AwsClients c = clients(aws, counter, failing)) {
      return new Inventory(c).load(Targets.allInRegion(), false);
    }
  }

  private static Map<String, VpcSnapshot> vpcs(InventoryResult result) {
    return result.estate().vpcs().stream().collect(Collectors.toMap(VpcSnapshot::vpcId, v -> v));
  }

  private static EndpointSnapshot endpoint(InventoryResult result, String id) {
    return result.estate().endpoints().stream().filter(e -> e.endpointId().equals(id)).findFirst().orElseThrow();
  }

  private static HostedZoneRef zone(VpcSnapshot vpc, String zoneId) {
    return vpc.privateHostedZones().orElseThrow().stream().filter(z -> z.zoneId().equals(zoneId)).findFirst()
        .orElseThrow();
  }

  private static Evaluation evaluate(InventoryResult result, String endpointId) {
    return new PrivateDnsDisabledRule().evaluate(endpoint(result, endpointId),
        Snapshots.context(result.estate().accountId()));
  }

  /** A hub VPC with an SSM endpoint, private DNS off; two spokes with endpoints of other services. */
  private record HubAndSpokes(String hub, String endpoint, List<String> spokes) {
  }

  private HubAndSpokes hubAndSpokes() {
    SeedEstate.SeededVpc hub = seed.vpc(1);
    String endpoint = seed.interfaceEndpoint(hub.vpcId(), SSM, hub.subnetIds().subList(0, 2), List.of(), false);
    List<String> spokes = new ArrayList<>();
    for (int i = 2; i <= 3; i++) {
      SeedEstate.SeededVpc spoke = seed.vpc(i);
      seed.interfaceEndpoint(spoke.vpcId(), SeedEstate.service("logs"), spoke.subnetIds().subList(0, 1), List.of(),
          false);
      spokes.add(spoke.vpcId());
    }
    return new HubAndSpokes(hub.vpcId(), endpoint, spokes);
  }

  @Test
  void load_hubAndSpokes_serviceZoneReadOnceWithItsRecordsOthersNot(LocalAws aws, AwsClients clients) {
    HubAndSpokes estate = hubAndSpokes();
    DnsEntry regional = PrivateZones.regionalEntry(clients.ec2(), estate.endpoint());
    List<String> all = new ArrayList<>(List.of(estate.hub()));
    all.addAll(estate.spokes());
    String ssmZone = zones.create(SSM_NAME, all.toArray(String[]::new));
    zones.aliasA(ssmZone, SSM_NAME, regional);
    zones.plain(ssmZone, "www." + SSM_NAME, "A", "192.0.2.1");
    String corp = zones.create("corp.example.com", estate.hub());
    zones.plain(corp, "app.corp.example.com", "A", "10.1.0.9");
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result = load(aws, counter);

    assertThat(result.problems()).isEmpty();
    EndpointSnapshot hub = endpoint(result, estate.endpoint());
    assertThat(hub.dnsNames()).containsExactlyElementsOf(clients.ec2().describeVpcEndpoints(b -> b
        .vpcEndpointIds(estate.endpoint())).vpcEndpoints().get(0).dnsEntries().stream().map(DnsEntry::dnsName)
        .toList());
    assertThat(hub.interfaceAddresses()).as("no record with plain addresses: not read").isEmpty();
    Map<String, VpcSnapshot> vpcs = vpcs(result);
    HostedZoneRef read = zone(vpcs.get(estate.hub()), ssmZone);
    assertThat(read.records()).hasValueSatisfying(records -> assertThat(records)
        .filteredOn(DnsRecord::isAddressRecord).containsExactly(
            aliasRecord(SSM_NAME, "A", regional.dnsName(), regional.hostedZoneId())));
    assertThat(zone(vpcs.get(estate.hub()), corp).records()).as("not named after a service").isEmpty();
    // The spokes hold endpoints with private DNS off for logs, not ssm: their zones are listed, not read.
    estate.spokes().forEach(s -> assertThat(zone(vpcs.get(s), ssmZone).records()).isEmpty());
    assertThat(counter.count("ListHostedZonesByVPC")).isEqualTo(3);
    assertThat(counter.count("ListResourceRecordSets")).isEqualTo(1);
    assertThat(counter.count("DescribeNetworkInterfaces")).isZero();

    Evaluation e = evaluate(result, estate.endpoint());
    assertThat(e.status()).isEqualTo(Status.COMPLIANT);
    assertThat(e.reason()).isEqualTo(estate.endpoint() + " (" + SSM + ") has private DNS off, but private hosted"
        + " zone " + ssmZone + " (" + SSM_NAME + ") associated with " + estate.hub() + " resolves " + SSM_NAME
        + " to it with an alias A record to " + regional.dnsName());
  }

  @Test
  void load_oneZoneForTwoVpcsWithEndpointsOfTheService_readOnce(LocalAws aws) {
    SeedEstate.SeededVpc a = seed.vpc(1);
    SeedEstate.SeededVpc b = seed.vpc(2);
    seed.interfaceEndpoint(a.vpcId(), SSM, a.subnetIds().subList(0, 1), List.of(), false);
    seed.interfaceEndpoint(b.vpcId(), SSM, b.subnetIds().subList(0, 1), List.of(), false);
    String zone = zones.create(SSM_NAME, a.vpcId(), b.vpcId());
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result = load(aws, counter);

    assertThat(counter.count("ListResourceRecordSets")).isEqualTo(1);
    assertThat(vpcs(result).values()).hasSize(2).allSatisfy(v -> assertThat(zone(v, zone).records())
        .hasValueSatisfying(records -> assertThat(records).filteredOn(DnsRecord::isAddressRecord).isEmpty()));
    assertThat(result.estate().endpoints()).allSatisfy(e -> assertThat(evaluate(result, e.endpointId()).reason())
        .endsWith("holds no A, AAAA or CNAME record for " + SSM_NAME + ", so that name does not resolve in the VPC;"
            + " the zone conflicts with private DNS for that name, so no plan is made"));
  }

  @Test
  void load_recordWithPlainAddresses_readsTheEndpointsInterfaceAddressesInOneCall(LocalAws aws,
                                                                                  AwsClients clients) {
    HubAndSpokes estate = hubAndSpokes();
    List<String> enis = clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(estate.endpoint())).vpcEndpoints()
        .get(0).networkInterfaceIds();
    List<String> addresses = clients.ec2().describeNetworkInterfaces(b -> b.networkInterfaceIds(enis))
        .networkInterfaces().stream().map(n -> n.privateIpAddress()).toList();
    String zone = zones.create(SSM_NAME, estate.hub(), estate.spokes().get(0));
    zones.plain(zone, SSM_NAME, "A", addresses.toArray(String[]::new));
    CallCountingInterceptor counter = new CallCountingInterceptor();

    InventoryResult result = load(aws, counter);

    assertThat(result.problems()).isEmpty();
    assertThat(endpoint(result, estate.endpoint()).interfaceAddresses()).hasValueSatisfying(a -> assertThat(a)
        .containsExactlyInAnyOrderElementsOf(addresses));
    assertThat(counter.count("DescribeNetworkInterfaces")).isEqualTo(1);
    assertThat(evaluate(result, estate.endpoint()).status()).isEqualTo(Status.COMPLIANT);
  }

  @Test
  void load_wildcardServiceName_readsTheApexAndWildcardRecordsOnly(LocalAws aws, AwsClients clients) {
    // moto describes ecr.dkr with the wildcard private DNS name *.dkr.ecr.us-east-1.amazonaws.com, as AWS does.
    SeedEstate.SeededVpc hub = seed.vpc(1);
    String endpoint = seed.interfaceEndpoint(hub.vpcId(), SeedEstate.service("ecr.dkr"), hub.subnetIds().subList(0, 1),
        List.of(), false);
    DnsEntry regional = PrivateZones.regionalEntry(clients.ec2(), endpoint);
    String zone = zones.create("dkr.ecr.us-east-1.amazonaws.com", hub.vpcId());
    zones.aliasA(zone, "*.dkr.ecr.us-east-1.amazonaws.com", regional);
    zones.plain(zone, "0123456789.dkr.ecr.us-east-1.amazonaws.com", "CNAME", "elsewhere.example.com");

    InventoryResult result = load(aws, new CallCountingInterceptor());

    assertThat(zone(vpcs(result).get(hub.vpcId()), zone).records()).hasValueSatisfying(records -> assertThat(records)
        .extracting(DnsRecord::name).containsOnly("dkr.ecr.us-east-1.amazonaws.com",
            "*.dkr.ecr.us-east-1.amazonaws.com"));
    Evaluation e = evaluate(result, endpoint);
    assertThat(e.status()).isEqualTo(Status.COMPLIANT);
    assertThat(e.reason()).contains("resolves *.dkr.ecr.us-east-1.amazonaws.com to it with an alias A record to "
        + regional.dnsName());
  }

  @Test
  void load_moreRecordSetsAtTheNameThanOnePage_reportedIncompleteAndNeverPlanned(LocalAws aws) {
    SeedEstate.SeededVpc hub = seed.vpc(1);
    String endpoint = seed.interfaceEndpoint(hub.vpcId(), SSM, hub.subnetIds().subList(0, 1), List.of(), false);
    String zone = zones.create(SSM_NAME, hub.vpcId());
    for (int i = 0; i < HostedZones.RECORD_PAGE; i++) {
      zones.weightedA(zone, SSM_NAME, "w" + i, "10.1.0." + (i + 1));
    }

    InventoryResult result = load(aws, new CallCountingInterceptor());

    assertThat(result.problems()).containsExactly(InventoryProblem.incomplete(zone, "private hosted zone " + SSM_NAME
        + " holds more than 100 record sets at its name and wildcard name; they were not all read"));
    Evaluation e = evaluate(result, endpoint);
    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.plan()).isEmpty();
    assertThat(e.reason()).endsWith("holds that name, but its record sets could not be read, so whether it resolves"
        + " the name to the endpoint is unknown; no plan is made");
  }

  @Test
  void load_recordSetsRefused_reportedIncompleteAndNeverPlanned(LocalAws aws) {
    HubAndSpokes estate = hubAndSpokes();
    String zone = zones.create(SSM_NAME, estate.hub());

    InventoryResult result = load(aws, new CallCountingInterceptor(), "ListResourceRecordSets");

    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.resourceId()).isEqualTo(zone);
      assertThat(p.leftOut()).isFalse();
      assertThat(p.problem()).startsWith("could not read the record sets of private hosted zone " + SSM_NAME + ": ");
    });
    Evaluation e = evaluate(result, estate.endpoint());
    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.plan()).isEmpty();
  }

  @Test
  void load_zonesRefused_reportedIncompleteAndNeverPlanned(LocalAws aws) {
    HubAndSpokes estate = hubAndSpokes();

    InventoryResult result = load(aws, new CallCountingInterceptor(), "ListHostedZonesByVPC");

    assertThat(result.problems()).extracting(InventoryProblem::resourceId)
        .contains(estate.hub()).allSatisfy(id -> assertThat(id).startsWith("vpc-"));
    Evaluation e = evaluate(result, estate.endpoint());
    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.plan()).isEmpty();
    assertThat(e.reason()).endsWith("; the private hosted zones associated with " + estate.hub() + " could not be"
        + " listed, so whether one holds that name is unknown and no plan is made");
  }

  @Test
  void load_interfaceAddressesRefused_reportedIncompleteAndNeverPlanned(LocalAws aws) {
    HubAndSpokes estate = hubAndSpokes();
    String zone = zones.create(SSM_NAME, estate.hub());
    zones.plain(zone, SSM_NAME, "A", "10.1.0.10");

    InventoryResult result = load(aws, new CallCountingInterceptor(), "DescribeNetworkInterfaces");

    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.resourceId()).isEqualTo(estate.endpoint());
      assertThat(p.problem()).startsWith("could not read the addresses of its network interfaces: ");
    });
    assertThat(endpoint(result, estate.endpoint()).interfaceAddresses()).isEqualTo(Optional.empty());
    Evaluation e = evaluate(result, estate.endpoint());
    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.plan()).isEmpty();
    assertThat(e.reason()).contains("the interface addresses of " + estate.endpoint() + " could not be read");
  }
}
