package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.aliasRecord;
import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.interfaceSummary;
import static dev.endpointguard.testing.Snapshots.plainRecord;
import static dev.endpointguard.testing.Snapshots.service;
import static dev.endpointguard.testing.Snapshots.vpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.DnsRecord;
import dev.endpointguard.model.HostedZoneRef;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 a: centralized endpoints. A hub endpoint has private DNS off on purpose and a private hosted zone of the
 * customer's, named after the service and associated with the hub and spoke VPCs, resolves the service's name to it.
 * The drift the rule exists for is then absent; a zone that resolves the name anywhere else, or to nothing, still
 * blocks private DNS and gets no plan; what could not be read is said, never planned on.
 */
class PrivateDnsOwnZoneTest {
  private static final PrivateDnsDisabledRule RULE = new PrivateDnsDisabledRule();
  private static final String SSM = "vpce-1 (" + Snapshots.SSM + ")";
  private static final String S3 = "vpce-1 (" + Snapshots.S3 + ")";
  private static final String OFF = SSM + " has private DNS off although the service offers " + Snapshots.SSM_DNS;
  /** us-east-1's hosted zone for VPC endpoint DNS names, as DescribeVpcEndpoints reports it in DnsEntries. */
  private static final String VPCE_ZONE = "Z7HUB22UULQXV";
  private static final String REGIONAL = "vpce-1-ab12cd34.ssm.us-east-1.vpce.amazonaws.com";
  private static final String ZONAL = "vpce-1-ab12cd34-us-east-1a.ssm.us-east-1.vpce.amazonaws.com";
  private static final String OTHER_HUB = "vpce-9-ff00ee11.ssm.us-east-1.vpce.amazonaws.com";
  private static final String SIBLING = "vpce-2-cd34ef56.ssm.us-east-1.vpce.amazonaws.com";
  private static final String ZONE = "private hosted zone Z1 (ssm.us-east-1.amazonaws.com) associated with vpc-0a1";
  private static final String NO_PLAN = "; the zone conflicts with private DNS for that name, so no plan is made";
  private static final String S3_REGIONAL = "*.vpce-1-ab12cd34.s3.us-east-1.vpce.amazonaws.com";
  private static final String S3_ZONE = "private hosted zone Z7 (s3.us-east-1.amazonaws.com) associated with vpc-0a1";
  private static final String ECR_REGIONAL = "*.vpce-1-ab12cd34.dkr.ecr.us-east-1.vpce.amazonaws.com";

  /** The hub endpoint for SSM: private DNS off, two interfaces, its DnsEntries as AWS gives them. */
  private static EndpointBuilder hub() {
    return endpoint("vpce-1").privateDns(false).dnsNames(REGIONAL, ZONAL,
        "vpce-1-ab12cd34-us-east-1b.ssm.us-east-1.vpce.amazonaws.com");
  }

  private static EndpointBuilder hubWithZone(DnsRecord... records) {
    return hub().vpc(vpc().hostedZones(ssmZone(records)));
  }

  private static HostedZoneRef ssmZone(DnsRecord... records) {
    return new HostedZoneRef("Z1", "ssm.us-east-1.amazonaws.com", java.util.Optional.of(withNsAndSoa(
        "ssm.us-east-1.amazonaws.com.", records)));
  }

  /** A zone's own NS and SOA records come with its apex, as ListResourceRecordSets lists them. */
  private static List<DnsRecord> withNsAndSoa(String apex, DnsRecord... records) {
    List<DnsRecord> all = new java.util.ArrayList<>(List.of(records));
    all.add(plainRecord(apex, "NS", "ns-2048.awsdns-64.com"));
    all.add(plainRecord(apex, "SOA", "ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400"));
    return all;
  }

  private static DnsRecord aliasA(String name, String target) {
    return aliasRecord(name, "A", target, VPCE_ZONE);
  }

  private static EndpointBuilder s3Hub(DnsRecord... records) {
    return endpoint("vpce-1").privateDns(false)
        .service(service(Snapshots.S3).privateDnsName("*.s3.us-east-1.amazonaws.com"))
        .dnsNames(S3_REGIONAL, "*.vpce-1-ab12cd34-us-east-1a.s3.us-east-1.vpce.amazonaws.com")
        .vpc(vpc().hostedZones(new HostedZoneRef("Z7", "s3.us-east-1.amazonaws.com",
            java.util.Optional.of(withNsAndSoa("s3.us-east-1.amazonaws.com.", records)))));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("alias A record to the endpoint's regional DNS name",
            hubWithZone(aliasA("ssm.us-east-1.amazonaws.com.", REGIONAL)),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with an alias A record to " + REGIONAL),
        arguments("alias A record to a zonal DNS name",
            hubWithZone(aliasA("ssm.us-east-1.amazonaws.com.", ZONAL)),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with an alias A record to " + ZONAL),
        arguments("CNAME record to the endpoint's DNS name",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "CNAME", REGIONAL + ".")),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with a CNAME record to " + REGIONAL),
        arguments("A record holding exactly the endpoint's interface addresses",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "A", "10.0.2.20", "10.0.1.10"))
                .interfaceAddresses("10.0.1.10", "10.0.2.20"),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with an A record holding 10.0.2.20, 10.0.1.10"),
        arguments("A record holding some of the endpoint's interface addresses: still the endpoint, said",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "A", "10.0.1.10"))
                .interfaceAddresses("10.0.1.10", "10.0.2.20"),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with an A record holding 10.0.1.10 (leaves out its interface address 10.0.2.20)"),
        arguments("A record holding other addresses",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "A", "10.0.1.10", "52.94.0.1"))
                .interfaceAddresses("10.0.1.10", "10.0.2.20"),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " resolves that name elsewhere: an A record holding"
                + " 10.0.1.10, 52.94.0.1 (52.94.0.1 is not an interface address of vpce-1)" + NO_PLAN),
        arguments("alias A record to another hub's endpoint",
            hubWithZone(aliasA("ssm.us-east-1.amazonaws.com.", OTHER_HUB)),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " resolves that name elsewhere: an alias A record to "
                + OTHER_HUB + " (not a DNS name of vpce-1)" + NO_PLAN),
        arguments("alias A record to another endpoint for the service in this VPC",
            hub().vpc(vpc().hostedZones(ssmZone(aliasA("ssm.us-east-1.amazonaws.com.", SIBLING)))
                .endpoints(interfaceSummary("vpce-2", Snapshots.SSM, false, SIBLING))),
            Status.NOT_APPLICABLE, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com"
                + " to vpce-2, another endpoint for " + Snapshots.SSM + " in this VPC, with an alias A record to "
                + SIBLING),
        arguments("the name of an endpoint of another service is elsewhere",
            hub().vpc(vpc().hostedZones(ssmZone(aliasA("ssm.us-east-1.amazonaws.com.", SIBLING)))
                .endpoints(interfaceSummary("vpce-2", "com.amazonaws.us-east-1.ec2", false, SIBLING))),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " resolves that name elsewhere: an alias A record to "
                + SIBLING + " (not a DNS name of vpce-1)" + NO_PLAN),
        arguments("zone without an address record at the name",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "TXT", "\"owner=network\""),
                aliasA("*.ssm.us-east-1.amazonaws.com.", REGIONAL)),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " holds no A, AAAA or CNAME record for"
                + " ssm.us-east-1.amazonaws.com, so that name does not resolve in the VPC" + NO_PLAN),
        arguments("A record, but the endpoint's interface addresses could not be read",
            hubWithZone(plainRecord("ssm.us-east-1.amazonaws.com.", "A", "10.0.1.10")),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " resolves that name with an A record holding 10.0.1.10,"
                + " but the interface addresses of vpce-1 could not be read, so whether that is this endpoint is"
                + " unknown; no plan is made"),
        arguments("name case, trailing dots and a dualstack. prefix do not matter",
            hub().vpc(vpc().hostedZones(new HostedZoneRef("Z1", "SSM.us-east-1.amazonaws.com.", java.util.Optional.of(
                List.of(aliasA("Ssm.US-East-1.amazonaws.com.", "dualstack." + REGIONAL.toUpperCase() + ".")))))),
            Status.COMPLIANT, SSM + " has private DNS off, but private hosted zone Z1 (SSM.us-east-1.amazonaws.com.)"
                + " associated with vpc-0a1 resolves ssm.us-east-1.amazonaws.com to it with an alias A record to"
                + " dualstack." + REGIONAL.toUpperCase()),
        arguments("alias A and AAAA records: IPv6 addresses compared in any notation",
            hubWithZone(aliasA("ssm.us-east-1.amazonaws.com.", REGIONAL),
                plainRecord("ssm.us-east-1.amazonaws.com.", "AAAA", "2600:1f18:0:0::a"))
                .interfaceAddresses("10.0.1.10", "2600:1f18::a"),
            Status.COMPLIANT, SSM + " has private DNS off, but " + ZONE + " resolves ssm.us-east-1.amazonaws.com to it"
                + " with an alias A record to " + REGIONAL + " and an AAAA record holding 2600:1f18:0:0::a"),
        arguments("weighted records: one of them elsewhere is enough",
            hubWithZone(aliasA("ssm.us-east-1.amazonaws.com.", REGIONAL),
                aliasA("ssm.us-east-1.amazonaws.com.", OTHER_HUB)),
            Status.NON_COMPLIANT, OFF + ", and " + ZONE + " resolves that name elsewhere: an alias A record to "
                + OTHER_HUB + " (not a DNS name of vpce-1)" + NO_PLAN),
        // Landing Zone Accelerator's S3 shape: a *. alias and an apex alias, both to the endpoint's (wildcard) name.
        arguments("S3: wildcard and apex alias records (Route 53 returns * as \\052)",
            s3Hub(aliasA("\\052.s3.us-east-1.amazonaws.com.", S3_REGIONAL),
                aliasA("s3.us-east-1.amazonaws.com.", S3_REGIONAL)),
            Status.COMPLIANT, S3 + " has private DNS off, but " + S3_ZONE + " resolves *.s3.us-east-1.amazonaws.com to"
                + " it with an alias A record to " + S3_REGIONAL + ", and s3.us-east-1.amazonaws.com with an alias A"
                + " record to " + S3_REGIONAL),
        arguments("S3: wildcard alias to the zone's own apex record, which aliases the endpoint",
            s3Hub(aliasRecord("*.s3.us-east-1.amazonaws.com.", "A", "s3.us-east-1.amazonaws.com.",
                "/hostedzone/Z7"), aliasA("s3.us-east-1.amazonaws.com.", S3_REGIONAL)),
            Status.COMPLIANT, S3 + " has private DNS off, but " + S3_ZONE + " resolves *.s3.us-east-1.amazonaws.com to"
                + " it with an alias A record to s3.us-east-1.amazonaws.com, and s3.us-east-1.amazonaws.com with an"
                + " alias A record to " + S3_REGIONAL),
        arguments("S3: wildcard CNAME to the zone's apex, which aliases the endpoint",
            s3Hub(plainRecord("*.s3.us-east-1.amazonaws.com.", "CNAME", "s3.us-east-1.amazonaws.com"),
                aliasA("s3.us-east-1.amazonaws.com.", S3_REGIONAL)),
            Status.COMPLIANT, S3 + " has private DNS off, but " + S3_ZONE + " resolves *.s3.us-east-1.amazonaws.com to"
                + " it with a CNAME record to s3.us-east-1.amazonaws.com, and s3.us-east-1.amazonaws.com with an alias"
                + " A record to " + S3_REGIONAL),
        arguments("S3: wildcard alias to the zone's apex, which points elsewhere",
            s3Hub(aliasRecord("*.s3.us-east-1.amazonaws.com.", "A", "s3.us-east-1.amazonaws.com.", "Z7"),
                plainRecord("s3.us-east-1.amazonaws.com.", "CNAME", "s3.amazonaws.com")),
            Status.NON_COMPLIANT, S3 + " has private DNS off although the service offers *.s3.us-east-1.amazonaws.com,"
                + " and " + S3_ZONE + " resolves *.s3.us-east-1.amazonaws.com elsewhere: an alias A record to"
                + " s3.us-east-1.amazonaws.com (the record it leads to resolves elsewhere), and"
                + " s3.us-east-1.amazonaws.com elsewhere: a CNAME record to s3.amazonaws.com (not a DNS name of vpce-1)"
                + NO_PLAN),
        arguments("S3: apex record elsewhere",
            s3Hub(aliasA("*.s3.us-east-1.amazonaws.com.", S3_REGIONAL),
                plainRecord("s3.us-east-1.amazonaws.com.", "A", "52.216.0.1")).interfaceAddresses("10.0.1.10"),
            Status.NON_COMPLIANT, S3 + " has private DNS off although the service offers *.s3.us-east-1.amazonaws.com,"
                + " and " + S3_ZONE + " resolves s3.us-east-1.amazonaws.com elsewhere: an A record holding 52.216.0.1"
                + " (52.216.0.1 is not an interface address of vpce-1)" + NO_PLAN),
        arguments("S3: only the apex, no wildcard record",
            s3Hub(aliasA("s3.us-east-1.amazonaws.com.", S3_REGIONAL)),
            Status.NON_COMPLIANT, S3 + " has private DNS off although the service offers *.s3.us-east-1.amazonaws.com,"
                + " and " + S3_ZONE + " holds no A, AAAA or CNAME record for *.s3.us-east-1.amazonaws.com, so that"
                + " name does not resolve in the VPC" + NO_PLAN),
        // Landing Zone Accelerator's ECR shape: the wildcard record alone.
        arguments("ECR (dkr): wildcard alias record only",
            endpoint("vpce-1").privateDns(false)
                .service(service("com.amazonaws.us-east-1.ecr.dkr").privateDnsName("*.dkr.ecr.us-east-1.amazonaws.com"))
                .dnsNames(ECR_REGIONAL)
                .vpc(vpc().hostedZones(new HostedZoneRef("Z8", "dkr.ecr.us-east-1.amazonaws.com", java.util.Optional.of(
                    withNsAndSoa("dkr.ecr.us-east-1.amazonaws.com.",
                        aliasA("\\052.dkr.ecr.us-east-1.amazonaws.com.", ECR_REGIONAL)))))),
            Status.COMPLIANT, "vpce-1 (com.amazonaws.us-east-1.ecr.dkr) has private DNS off, but private hosted zone Z8"
                + " (dkr.ecr.us-east-1.amazonaws.com) associated with vpc-0a1 resolves *.dkr.ecr.us-east-1.amazonaws.com"
                + " to it with an alias A record to " + ECR_REGIONAL + "; the zone holds no A, AAAA or CNAME record for"
                + " dkr.ecr.us-east-1.amazonaws.com itself"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_zoneNamedAfterTheService_givesExactStatusAndReasonAndNeverAPlanOverIt(String name,
                                                                                     EndpointBuilder endpoint,
                                                                                     Status status, String reason) {
    Evaluation e = RULE.evaluate(endpoint.build(), Snapshots.context());

    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.plan()).isEmpty();
  }

  @Test
  void evaluate_recordInAZoneForAParentDomain_notTheServicesZone_privateDnsStillPlanned() {
    // Private DNS adds the more specific zone ssm.us-east-1.amazonaws.com, which Route 53 answers from first.
    Evaluation e = RULE.evaluate(hub().vpc(vpc().hostedZones(new HostedZoneRef("Z2", "us-east-1.amazonaws.com",
        java.util.Optional.of(List.of(aliasA("ssm.us-east-1.amazonaws.com.", OTHER_HUB)))))).build(),
        Snapshots.context());

    assertThat(e).isEqualTo(Expected.evaluation(RULE, "vpce-1", Status.NON_COMPLIANT, OFF,
        List.of(new EnablePrivateDns("vpce-1", Snapshots.SSM_DNS))));
  }

  @Test
  void evaluate_hubAndSiblingBothOffZoneToTheSibling_siblingCompliantHubNotApplicable() {
    HostedZoneRef zone = ssmZone(aliasA("ssm.us-east-1.amazonaws.com.", SIBLING));
    Evaluation first = RULE.evaluate(hub().vpc(vpc().hostedZones(zone)
        .endpoints(interfaceSummary("vpce-2", Snapshots.SSM, false, SIBLING))).build(), Snapshots.context());
    Evaluation second = RULE.evaluate(endpoint("vpce-2").privateDns(false).dnsNames(SIBLING)
        .vpc(vpc().hostedZones(zone).endpoints(interfaceSummary("vpce-1", Snapshots.SSM, false, REGIONAL)))
        .build(), Snapshots.context());

    assertThat(first.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(second.status()).isEqualTo(Status.COMPLIANT);
    assertThat(List.of(first.plan(), second.plan())).allSatisfy(p -> assertThat(p).isEmpty());
  }

  @Test
  void evaluate_zoneToThisEndpointAndAnExemptSibling_compliantWhateverTheExemptions() {
    RuleContext context = Snapshots.context().withExemptions(Map.of(RuleId.PRIVATE_DNS_DISABLED, Set.of("vpce-0")));
    Evaluation e = RULE.evaluate(hub().vpc(vpc().hostedZones(ssmZone(aliasA("ssm.us-east-1.amazonaws.com",
        REGIONAL))).endpoints(interfaceSummary("vpce-0", Snapshots.SSM, false))).build(), context);

    assertThat(e.status()).isEqualTo(Status.COMPLIANT);
  }
}
