package dev.endpointguard.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.testing.LocalAwsTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.Evaluation;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.route53.model.VPCRegion;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.SecurityHubException;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/** Each moto patch of moto_launcher.py, checked through the SDK v2 clients endpoint-guard uses. */
@LocalAwsTest
class MotoPatchesTest {

  private static final String SSM = "com.amazonaws.us-east-1.ssm";
  private static final String SQS = "com.amazonaws.us-east-1.sqs";
  private static final String S3 = "com.amazonaws.us-east-1.s3";
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final AtomicInteger vpcs = new AtomicInteger();
  private final AtomicInteger subnets = new AtomicInteger();
  private AwsClients aws;
  private Ec2Client ec2;

  @BeforeEach
  void clients(AwsClients clients) {
    this.aws = clients;
    this.ec2 = clients.ec2();
  }

  // --- a. PrivateDnsEnabled

  @Test
  void createVpcEndpoint_privateDnsEnabledFalse_isHonoured() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"));
    assertThat(e.privateDnsEnabled()).isFalse();
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  @Test
  void modifyVpcEndpoint_privateDnsEnabledFalse_isHonoured() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, true, subnet(vpc, "us-east-1a"));
    assertThat(e.privateDnsEnabled()).isTrue();

    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(false));
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();

    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true));
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isTrue();
  }

  @Test
  void createVpcEndpoint_interfaceWithoutPrivateDnsFlag_defaultsToTrue() {
    String vpc = vpc(true);
    String subnet = subnet(vpc, "us-east-1a");
    VpcEndpoint e = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnet)).vpcEndpoint();
    assertThat(e.privateDnsEnabled()).isTrue();
  }

  @Test
  void createVpcEndpoint_gatewayWithoutPrivateDnsFlag_defaultsToFalse() {
    String vpc = vpc(true);
    VpcEndpoint e = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(S3)
        .vpcEndpointType(VpcEndpointType.GATEWAY)).vpcEndpoint();
    assertThat(e.privateDnsEnabled()).isFalse();
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  // --- b. subnets and AZs

  @Test
  void createVpcEndpoint_twoSubnetsInOneAz_failsDuplicateSubnetsInSameZone() {
    String vpc = vpc(false);
    String a1 = subnet(vpc, "us-east-1a");
    String a2 = subnet(vpc, "us-east-1a");
    assertThatThrownBy(() -> interfaceEndpoint(vpc, SSM, false, a1, a2))
        .isInstanceOfSatisfying(Ec2Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DuplicateSubnetsInSameZone");
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).contains("Found another VPC endpoint subnet");
        });
    assertThat(ec2.describeVpcEndpoints(b -> b.filters(filter("vpc-id", vpc))).vpcEndpoints()).isEmpty();
  }

  @Test
  void modifyVpcEndpoint_addSubnetInCoveredAz_failsDuplicateSubnetsInSameZone() {
    String vpc = vpc(false);
    String a1 = subnet(vpc, "us-east-1a");
    String a2 = subnet(vpc, "us-east-1a");
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, a1);
    assertThatThrownBy(() -> ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).addSubnetIds(a2)))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("DuplicateSubnetsInSameZone"));
    assertThat(describe(e.vpcEndpointId()).subnetIds()).containsExactly(a1);
  }

  @Test
  void modifyVpcEndpoint_swapSubnetWithinAz_isAllowed() {
    String vpc = vpc(false);
    String a1 = subnet(vpc, "us-east-1a");
    String a2 = subnet(vpc, "us-east-1a");
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, a1);
    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).removeSubnetIds(a1).addSubnetIds(a2));
    assertThat(describe(e.vpcEndpointId()).subnetIds()).containsExactly(a2);
  }

  @Test
  void createVpcEndpoint_subnetOfAnotherVpc_failsInvalidParameter() {
    String vpc = vpc(false);
    String other = subnet(vpc(false), "us-east-1b");
    assertThatThrownBy(() -> interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"), other))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
  }

  @Test
  void createVpcEndpoint_subnetInAzTheServiceDoesNotOffer_failsInvalidParameter(LocalAws local) {
    local.seedEndpointService(SeededEndpointService.of("partial", List.of("us-east-1a", "us-east-1b")));
    String vpc = vpc(false);
    String c = subnet(vpc, "us-east-1c");
    assertThatThrownBy(() -> interfaceEndpoint(vpc, "com.amazonaws.us-east-1.partial", false, c))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage())
              .isEqualTo("The VPC endpoint service com.amazonaws.us-east-1.partial does not support the "
                  + "availability zone of the subnet: " + c + ".");
        });
    VpcEndpoint ok = interfaceEndpoint(vpc, "com.amazonaws.us-east-1.partial", false, subnet(vpc, "us-east-1b"));
    assertThat(ok.subnetIds()).hasSize(1);
  }

  // --- c. private DNS prerequisites

  @Test
  void createVpcEndpoint_privateDnsWithoutDnsHostnames_failsInvalidParameter() {
    String vpc = vpc(false);
    assertThatThrownBy(() -> interfaceEndpoint(vpc, SSM, true, subnet(vpc, "us-east-1a")))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage()).isEqualTo("Enabling private DNS requires both "
              + "enableDnsSupport and enableDnsHostnames VPC attributes set to true for " + vpc);
        });
  }

  @Test
  void modifyVpcEndpoint_privateDnsWithoutDnsSupport_failsInvalidParameter() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"));
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsSupport(on(false)));
    assertThatThrownBy(() -> ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true)))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  @Test
  void createVpcEndpoint_secondPrivateDnsEndpointForService_failsConflictingDnsDomain() {
    String vpc = vpc(true);
    String a = subnet(vpc, "us-east-1a");
    interfaceEndpoint(vpc, SQS, true, a);
    assertThatThrownBy(() -> interfaceEndpoint(vpc, SQS, true, a))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage()).isEqualTo("private-dns-enabled cannot be set because "
              + "there is already a conflicting DNS domain for sqs.us-east-1.amazonaws.com in the VPC " + vpc);
        });
    assertThat(interfaceEndpoint(vpc, SQS, false, a).privateDnsEnabled()).isFalse();
  }

  @Test
  void modifyVpcEndpoint_privateHostedZoneForServiceName_failsConflictingDnsDomain() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"));
    aws.route53().createHostedZone(b -> b.name("ssm.us-east-1.amazonaws.com").callerReference("phz-ssm")
        .hostedZoneConfig(c -> c.privateZone(true))
        .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_EAST_1)));
    assertThatThrownBy(() -> ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true)))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage()).contains("conflicting DNS domain");
        });
  }

  @Test
  void createVpcEndpoint_privateHostedZoneOfParentDomain_isAllowed() {
    String vpc = vpc(true);
    aws.route53().createHostedZone(b -> b.name("amazonaws.com").callerReference("phz-parent")
        .hostedZoneConfig(c -> c.privateZone(true))
        .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_EAST_1)));
    assertThat(interfaceEndpoint(vpc, SSM, true, subnet(vpc, "us-east-1a")).privateDnsEnabled()).isTrue();
  }

  // --- d. ModifyVpcAttribute

  @Test
  void modifyVpcAttribute_hostnamesWithoutDnsSupport_fails() {
    String vpc = vpc(false);
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsSupport(on(false)));
    assertThatThrownBy(() -> ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(on(true))))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> assertThat(x.statusCode()).isEqualTo(400));
    assertThat(ec2.describeVpcAttribute(b -> b.vpcId(vpc).attribute("enableDnsHostnames"))
        .enableDnsHostnames().value()).isFalse();
  }

  @Test
  void modifyVpcAttribute_bothAttributesInOneCall_failsInvalidParameterCombination() {
    String vpc = vpc(false);
    assertThatThrownBy(() -> ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsSupport(on(true))
        .enableDnsHostnames(on(true))))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
  }

  // --- e. endpoint network interfaces

  @Test
  void endpointNetworkInterfaces_carryEndpointSecurityGroups_andLookLikeAws() {
    String vpc = vpc(false);
    String sg = securityGroup(vpc, "endpoints");
    VpcEndpoint e = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
        .privateDnsEnabled(false).securityGroupIds(sg)
        .subnetIds(subnet(vpc, "us-east-1a"), subnet(vpc, "us-east-1b"))).vpcEndpoint();

    List<NetworkInterface> enis = enisOfGroup(sg);
    assertThat(enis).extracting(NetworkInterface::networkInterfaceId)
        .containsExactlyInAnyOrderElementsOf(e.networkInterfaceIds());
    assertThat(enis).allSatisfy(eni -> {
      assertThat(eni.interfaceTypeAsString()).isEqualTo("vpc_endpoint");
      assertThat(eni.requesterManaged()).isTrue();
      assertThat(eni.description()).isEqualTo("VPC Endpoint Interface " + e.vpcEndpointId());
      assertThat(eni.groups()).extracting(g -> g.groupId()).containsExactly(sg);
      assertThat(e.subnetIds()).contains(eni.subnetId());
    });
  }

  @Test
  void modifyVpcEndpoint_subnetsAndGroupsChanged_interfacesFollow() {
    String vpc = vpc(false);
    String sg1 = securityGroup(vpc, "one");
    String sg2 = securityGroup(vpc, "two");
    String a = subnet(vpc, "us-east-1a");
    String b = subnet(vpc, "us-east-1b");
    String c = subnet(vpc, "us-east-1c");
    VpcEndpoint e = ec2.createVpcEndpoint(r -> r.vpcId(vpc).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
        .privateDnsEnabled(false).securityGroupIds(sg1).subnetIds(a, b)).vpcEndpoint();

    ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(e.vpcEndpointId()).removeSubnetIds(a).addSubnetIds(c)
        .addSecurityGroupIds(sg2).removeSecurityGroupIds(sg1));

    VpcEndpoint after = describe(e.vpcEndpointId());
    assertThat(after.subnetIds()).containsExactlyInAnyOrder(b, c);
    assertThat(after.networkInterfaceIds()).hasSize(2);
    assertThat(enisOfGroup(sg1)).isEmpty();
    assertThat(enisOfGroup(sg2)).extracting(NetworkInterface::subnetId).containsExactlyInAnyOrder(b, c);
    assertThat(enisOfGroup(sg2)).extracting(NetworkInterface::networkInterfaceId)
        .containsExactlyInAnyOrderElementsOf(after.networkInterfaceIds());
    assertThat(ec2.describeNetworkInterfaces(r -> r.filters(filter("subnet-id", a))).networkInterfaces()).isEmpty();
  }

  @Test
  void createVpcEndpoint_withoutSecurityGroups_attachesVpcDefaultGroup() {
    String vpc = vpc(false);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"));
    String defaultGroup = ec2.describeSecurityGroups(b -> b.filters(filter("vpc-id", vpc), filter("group-name", "default")))
        .securityGroups().get(0).groupId();
    assertThat(e.groups()).extracting(g -> g.groupId()).containsExactly(defaultGroup);
    assertThat(enisOfGroup(defaultGroup)).hasSize(1);
  }

  @Test
  void createVpcEndpoint_unknownSecurityGroup_failsInvalidGroupNotFound() {
    String vpc = vpc(false);
    String subnet = subnet(vpc, "us-east-1a");
    assertThatThrownBy(() -> ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM)
        .vpcEndpointType(VpcEndpointType.INTERFACE).privateDnsEnabled(false).subnetIds(subnet)
        .securityGroupIds("sg-0000000000000000")))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound"));
  }

  // --- f. DescribeVpcEndpoints pagination and filters

  @Test
  void describeVpcEndpoints_maxResults_paginatesThroughEveryEndpoint() {
    String vpc = vpc(false);
    String a = subnet(vpc, "us-east-1a");
    List<String> services = List.of(SSM, SQS, "com.amazonaws.us-east-1.sns", "com.amazonaws.us-east-1.kms",
        "com.amazonaws.us-east-1.logs");
    List<String> ids = services.stream().map(s -> interfaceEndpoint(vpc, s, false, a).vpcEndpointId()).toList();

    var first = ec2.describeVpcEndpoints(b -> b.maxResults(2));
    assertThat(first.vpcEndpoints()).hasSize(2);
    assertThat(first.nextToken()).isNotBlank();

    var pages = ec2.describeVpcEndpointsPaginator(b -> b.maxResults(2)).stream().toList();
    assertThat(pages).hasSize(3);
    assertThat(pages.stream().flatMap(p -> p.vpcEndpoints().stream()).map(VpcEndpoint::vpcEndpointId))
        .containsExactlyElementsOf(ids);
  }

  @Test
  void describeVpcEndpoints_vpcEndpointIdFilter_findsTheEndpoint() {
    String vpc = vpc(false);
    String a = subnet(vpc, "us-east-1a");
    interfaceEndpoint(vpc, SQS, false, a);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, a);
    assertThat(ec2.describeVpcEndpoints(b -> b.filters(filter("vpc-endpoint-id", e.vpcEndpointId()))).vpcEndpoints())
        .extracting(VpcEndpoint::vpcEndpointId).containsExactly(e.vpcEndpointId());
  }

  // --- g. other documented checks

  @Test
  void createVpcEndpoint_unknownService_failsInvalidServiceName() {
    String vpc = vpc(false);
    String subnet = subnet(vpc, "us-east-1a");
    assertThatThrownBy(() -> interfaceEndpoint(vpc, "com.amazonaws.us-east-1.no-such-service", false, subnet))
        .isInstanceOfSatisfying(Ec2Exception.class,
            x -> assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidServiceName"));
  }

  @Test
  void describeVpcEndpointServices_serviceNameFilter_findsTheService() {
    List<ServiceDetail> found = ec2.describeVpcEndpointServices(b -> b.filters(filter("service-name", SSM)))
        .serviceDetails();
    assertThat(found).extracting(ServiceDetail::serviceName).containsOnly(SSM);
  }

  @Test
  void describeVpcEndpointServices_eachDetailNamesItsAzIdsBesideTheNames() {
    // Patch t: AWS answers availabilityZoneIdSet, one id per AZ name (API_ServiceDetail); moto gives names only.
    Map<String, String> idByName = new java.util.HashMap<>();
    ec2.describeAvailabilityZones().availabilityZones().forEach(z -> idByName.put(z.zoneName(), z.zoneId()));
    ServiceDetail d = ec2.describeVpcEndpointServices(b -> b.serviceNames(SSM)).serviceDetails().get(0);
    assertThat(d.availabilityZones()).isNotEmpty();
    assertThat(d.availabilityZoneIds()).containsExactlyElementsOf(d.availabilityZones().stream().map(idByName::get)
        .toList());
  }

  // --- test hooks

  @Test
  void seedEndpointService_isReportedByDescribeVpcEndpointServices(LocalAws local) {
    local.seedEndpointService(SeededEndpointService.of("special", List.of("us-east-1a"))
        .withoutPrivateDns().withPolicySupported(false).withManagesVpcEndpoints(true));
    ServiceDetail d = ec2.describeVpcEndpointServices(b -> b.serviceNames("com.amazonaws.us-east-1.special"))
        .serviceDetails().get(0);
    assertThat(d.availabilityZones()).containsExactly("us-east-1a");
    assertThat(d.privateDnsName()).isNull();
    assertThat(d.vpcEndpointPolicySupported()).isFalse();
    assertThat(d.managesVpcEndpoints()).isTrue();
  }

  @Test
  void seedEndpointService_withoutPrivateDns_interfaceEndpointDefaultsToNoPrivateDns(LocalAws local) {
    local.seedEndpointService(SeededEndpointService.of("nodns", List.of("us-east-1a")).withoutPrivateDns());
    String vpc = vpc(false);
    String subnet = subnet(vpc, "us-east-1a");
    VpcEndpoint e = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.amazonaws.us-east-1.nodns")
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnet)).vpcEndpoint();
    assertThat(e.privateDnsEnabled()).isFalse();
  }

  @Test
  void configPutEvaluations_withoutTestMode_isAcceptedAndRecorded(LocalAws local) {
    assertThat(local.configEvaluationsJson()).isEqualTo("[]");
    var response = aws.config().putEvaluations(b -> b.resultToken("token-1").evaluations(Evaluation.builder()
        .complianceResourceType("AWS::EC2::VPCEndpoint").complianceResourceId("vpce-1")
        .complianceType(ComplianceType.NON_COMPLIANT).annotation("single AZ")
        .orderingTimestamp(Instant.parse("2026-01-01T00:00:00Z")).build()));
    assertThat(response.failedEvaluations()).isEmpty();
    assertThat(local.configEvaluationsJson())
        .contains("\"ResultToken\": \"token-1\"", "\"ComplianceResourceId\": \"vpce-1\"", "NON_COMPLIANT");
  }

  // --- j. PrivateDnsOnlyForInboundResolverEndpoint (S3)

  @Test
  void modifyVpcEndpoint_s3PrivateDnsWithoutDnsOptionNoGatewayEndpoint_failsInvalidParameter() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, S3, false, subnet(vpc, "us-east-1a"));
    assertThatThrownBy(() -> ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true)))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage()).isEqualTo("To set PrivateDnsOnlyForInboundResolverEndpoint"
              + " to true, the VPC " + vpc + " must have a gateway endpoint for the service.");
        });
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  @Test
  void modifyVpcEndpoint_s3PrivateDnsWithDnsOptionFalse_isAcceptedAndDescribed() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, S3, false, subnet(vpc, "us-east-1a"));
    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true)
        .dnsOptions(o -> o.privateDnsOnlyForInboundResolverEndpoint(false)));
    VpcEndpoint after = describe(e.vpcEndpointId());
    assertThat(after.privateDnsEnabled()).isTrue();
    assertThat(after.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
  }

  @Test
  void modifyVpcEndpoint_s3PrivateDnsWithoutDnsOptionBesideGatewayEndpoint_defaultsToInboundOnly() {
    String vpc = vpc(true);
    ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(S3).vpcEndpointType(VpcEndpointType.GATEWAY));
    VpcEndpoint e = interfaceEndpoint(vpc, S3, false, subnet(vpc, "us-east-1a"));
    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true));
    VpcEndpoint after = describe(e.vpcEndpointId());
    assertThat(after.privateDnsEnabled()).isTrue();
    assertThat(after.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isTrue();
  }

  @Test
  void modifyVpcEndpoint_dnsOptionForServiceWithoutGatewayEndpoints_failsInvalidParameter() {
    String vpc = vpc(true);
    VpcEndpoint e = interfaceEndpoint(vpc, SSM, false, subnet(vpc, "us-east-1a"));
    assertThatThrownBy(() -> ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(e.vpcEndpointId()).privateDnsEnabled(true)
        .dnsOptions(o -> o.privateDnsOnlyForInboundResolverEndpoint(false))))
        .isInstanceOfSatisfying(Ec2Exception.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
          assertThat(x.awsErrorDetails().errorMessage())
              .isEqualTo("PrivateDnsOnlyForInboundResolverEndpoint not supported for this service.");
        });
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  // --- k. Regions the account has not enabled

  @Test
  void describeRegions_listsTheEnabledRegionsOfTheCallersPartition_allRegionsAddsTheOthers() {
    List<software.amazon.awssdk.services.ec2.model.Region> enabled = ec2.describeRegions().regions();
    List<software.amazon.awssdk.services.ec2.model.Region> all = ec2.describeRegions(b -> b.allRegions(true)).regions();

    assertThat(enabled).extracting(r -> r.optInStatus())
        .allSatisfy(s -> assertThat(s).isIn("opt-in-not-required", "opted-in"));
    assertThat(enabled).extracting(r -> r.regionName()).contains("us-east-1", "eu-west-1")
        .doesNotContain("ap-east-1", "us-gov-west-1", "cn-north-1");
    assertThat(all).extracting(r -> r.regionName()).contains("us-east-1", "ap-east-1")
        .doesNotContain("us-gov-west-1", "cn-north-1");
    assertThat(ec2.describeRegions(b -> b.allRegions(true).filters(filter("opt-in-status", "not-opted-in")))
        .regions()).extracting(r -> r.regionName()).contains("ap-east-1").doesNotContain("us-east-1");
  }

  @Test
  void ec2InARegionNotEnabled_answersAuthFailure401_andEnabledRegionsAnswer() {
    try (AwsClients hongKong = new AwsClients(aws.target().inRegion(software.amazon.awssdk.regions.Region.AP_EAST_1))) {
      assertThatThrownBy(() -> hongKong.ec2().describeVpcs())
          .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }
    try (AwsClients ireland = new AwsClients(aws.target().inRegion(software.amazon.awssdk.regions.Region.EU_WEST_1))) {
      assertThat(ireland.ec2().describeVpcs().vpcs()).isNotEmpty();
    }
  }

  // --- l. AssumeRole

  @Test
  void assumeRole_roleThatDoesNotExist_isAccessDenied() {
    var role = aws.assumeRole("arn:aws:iam::444444444444:role/Missing", java.util.Optional.empty(), "patch-test");

    assertThatThrownBy(role::resolveCredentials)
        .isInstanceOfSatisfying(software.amazon.awssdk.services.sts.model.StsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
          assertThat(e.getMessage()).contains("is not authorized to perform: sts:AssumeRole on resource: "
              + "arn:aws:iam::444444444444:role/Missing");
        });
    role.close();
  }

  @Test
  void assumeRole_organizationAccessRoleOfAMember_isAssumedAsThatAccount() {
    aws.organizations().createOrganization(b -> b.featureSet("ALL"));
    String requestId = aws.organizations().createAccount(b -> b.accountName("m").email("m@example.com"))
        .createAccountStatus().id();
    String member = aws.organizations().describeCreateAccountStatus(b -> b.createAccountRequestId(requestId))
        .createAccountStatus().accountId();
    var role = aws.assumeRole("arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole",
        java.util.Optional.empty(), "patch-test");

    try (AwsClients asMember = new AwsClients(aws.target().withCredentials(role))) {
      assertThat(asMember.sts().getCallerIdentity().account()).isEqualTo(member);
    }
    role.close();
  }

  // --- s. Security Hub BatchImportFindings

  @Test
  void batchImportFindings_hubNotEnabled_eachFindingFailsWithInvalidAccess() {
    BatchImportFindingsResponse r = aws.securityHub().batchImportFindings(b -> b.findings(asff("f-1", T0, "one")));

    assertThat(r.successCount()).isZero();
    assertThat(r.failedFindings()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("f-1");
      assertThat(f.errorCode()).isEqualTo("InvalidAccess");
    });
    aws.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    assertThat(findings()).isEmpty();
  }

  @Test
  void batchImportFindings_moreThan100_refusedWithInvalidInput() {
    aws.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    List<AwsSecurityFinding> many = IntStream.range(0, 101).mapToObj(i -> asff("f-" + i, T0, "t")).toList();

    assertThatThrownBy(() -> aws.securityHub().batchImportFindings(b -> b.findings(many)))
        .isInstanceOfSatisfying(SecurityHubException.class, x -> {
          assertThat(x.awsErrorDetails().errorCode()).isEqualTo("InvalidInputException");
          assertThat(x.statusCode()).isEqualTo(400);
        });
    assertThat(aws.securityHub().batchImportFindings(b -> b.findings(many.subList(0, 100))).successCount())
        .isEqualTo(100);
  }

  @Test
  void batchImportFindings_updateNotLater_ignored_laterApplied_workflowKept() {
    aws.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    aws.securityHub().batchImportFindings(b -> b.findings(asff("f-1", T0, "first")));
    assertThat(findings()).singleElement().satisfies(f -> {
      assertThat(f.recordState()).isEqualTo(RecordState.ACTIVE);
      assertThat(f.workflow().status()).isEqualTo(WorkflowStatus.NEW);
    });

    var same = aws.securityHub().batchImportFindings(b -> b.findings(asff("f-1", T0, "same time")));
    aws.securityHub().batchImportFindings(b -> b.findings(asff("f-1", T0.minusSeconds(60), "older")));
    assertThat(same.successCount()).isEqualTo(1);
    assertThat(findings()).singleElement().extracting(AwsSecurityFinding::title).isEqualTo("first");

    aws.securityHub().batchImportFindings(b -> b.findings(asff("f-1", T0.plusSeconds(60), "later").toBuilder()
        .workflow(w -> w.status(WorkflowStatus.RESOLVED)).recordState(RecordState.ARCHIVED).build()));
    assertThat(findings()).singleElement().satisfies(f -> {
      assertThat(f.title()).isEqualTo("later");
      assertThat(f.recordState()).isEqualTo(RecordState.ARCHIVED);
      assertThat(f.workflow().status()).as("Workflow is the customer's").isEqualTo(WorkflowStatus.NEW);
    });
  }

  private static AwsSecurityFinding asff(String id, Instant updatedAt, String title) {
    return AwsSecurityFinding.builder().schemaVersion("2018-10-08").id(id)
        .productArn("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default")
        .generatorId("endpoint-guard/test").awsAccountId("123456789012")
        .types("Software and Configuration Checks/AWS Security Best Practices")
        .createdAt(T0.toString()).updatedAt(updatedAt.toString()).severity(s -> s.label(SeverityLabel.LOW))
        .title(title).description("d").resources(r -> r.type("Other").id("vpce-1")).build();
  }

  private List<AwsSecurityFinding> findings() {
    return aws.securityHub().getFindings(b -> b.maxResults(100)).findings();
  }

  // --- regression: moto's own behaviour that AWS does not have

  @Test
  void unpatchedMotoBehaviour_isGone() {
    String vpc = vpc(false);
    String sg = securityGroup(vpc, "mine");
    String a = subnet(vpc, "us-east-1a");
    VpcEndpoint gateway = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(S3)
        .vpcEndpointType(VpcEndpointType.GATEWAY)).vpcEndpoint();
    VpcEndpoint e = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
        .privateDnsEnabled(false).securityGroupIds(sg).subnetIds(a)).vpcEndpoint();

    assertThat(gateway.privateDnsEnabled()).as("moto: Gateway endpoints have private DNS").isFalse();
    assertThat(enisOfGroup(sg)).as("moto: endpoint ENIs carry the default SG").hasSize(1);
    String subnetPrefix = ec2.describeSubnets(b -> b.subnetIds(a)).subnets().get(0).cidrBlock().replace(".0/24", ".");
    assertThat(enisOfGroup(sg).get(0).privateIpAddress()).as("moto: ENI address outside its subnet")
        .startsWith(subnetPrefix);
    assertThat(ec2.describeVpcEndpoints(b -> b.maxResults(1)).vpcEndpoints()).as("moto: no pagination").hasSize(1);
    assertThatThrownBy(() -> interfaceEndpoint(vpc, SSM, false, a, subnet(vpc, "us-east-1a")))
        .as("moto: two subnets in one AZ accepted").isInstanceOf(Ec2Exception.class);
    assertThat(describe(e.vpcEndpointId()).privateDnsEnabled()).isFalse();
  }

  // --- helpers

  private VpcEndpoint interfaceEndpoint(String vpc, String service, boolean privateDns, String... subnets) {
    return ec2.createVpcEndpoint(CreateVpcEndpointRequest.builder().vpcId(vpc).serviceName(service)
        .vpcEndpointType(VpcEndpointType.INTERFACE).privateDnsEnabled(privateDns).subnetIds(subnets).build())
        .vpcEndpoint();
  }

  private VpcEndpoint describe(String endpointId) {
    return ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().get(0);
  }

  /** A VPC 10.N.0.0/16 with DNS support on and DNS hostnames as asked. */
  private String vpc(boolean dnsHostnames) {
    int n = vpcs.incrementAndGet();
    String vpc = ec2.createVpc(b -> b.cidrBlock("10." + n + ".0.0/16")).vpc().vpcId();
    if (dnsHostnames) {
      ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(on(true)));
    }
    return vpc;
  }

  private String subnet(String vpc, String az) {
    String block = ec2.describeVpcs(b -> b.vpcIds(vpc)).vpcs().get(0).cidrBlock();
    String prefix = block.substring(0, block.indexOf(".0.0/16"));
    int third = subnets.incrementAndGet();
    return ec2.createSubnet(b -> b.vpcId(vpc).availabilityZone(az).cidrBlock(prefix + "." + third + ".0/24"))
        .subnet().subnetId();
  }

  private String securityGroup(String vpc, String name) {
    return ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName(name).description(name)).groupId();
  }

  private List<NetworkInterface> enisOfGroup(String groupId) {
    return ec2.describeNetworkInterfaces(b -> b.filters(filter("group-id", groupId))).networkInterfaces();
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  private static AttributeBooleanValue on(boolean value) {
    return AttributeBooleanValue.builder().value(value).build();
  }
}
