package dev.endpointguard.localaws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * A realistic estate on the local AWS that shows every rule's problem at least once, one exempt endpoint and healthy
 * endpoints: three VPCs, private and public subnets in three AZs, a dozen endpoints. Used by the demo and the
 * end-to-end tests. Every resource carries a {@code Name} tag; {@link #ids()} maps names to ids.
 */
public final class DemoEstate {
  public static final String REGION = "us-east-1";
  /** The organization the data-perimeter policies name; pass it as a trusted org id. */
  public static final String ORG_ID = "o-a1b2c3d4e5";
  public static final String FOREIGN_ACCOUNT = "999988887777";

  private final Ec2Client ec2;
  private final Route53Client route53;
  private final LocalAws aws;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private String accountId = "123456789012";

  private DemoEstate(Ec2Client ec2, Route53Client route53, LocalAws aws) {
    this.ec2 = ec2;
    this.route53 = route53;
    this.aws = aws;
  }

  /** Seeds the estate and returns it; {@code accountId} is the local AWS's account. */
  public static DemoEstate seed(Ec2Client ec2, Route53Client route53, LocalAws aws, String accountId) {
    DemoEstate estate = new DemoEstate(ec2, route53, aws);
    estate.accountId = accountId;
    estate.build();
    return estate;
  }

  /** Name → id of every seeded resource (endpoints, VPCs, subnets, security groups, zones). */
  public Map<String, String> ids() {
    return Map.copyOf(ids);
  }

  public String id(String name) {
    String id = ids.get(name);
    if (id == null) {
      throw new IllegalArgumentException("no seeded resource named " + name);
    }
    return id;
  }

  /** AWS's recommended data-perimeter endpoint policy, bound to {@link #ORG_ID}. */
  public static String perimeterPolicy() {
    return """
        {"Version":"2012-10-17","Statement":[
         {"Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources","Effect":"Allow","Principal":{"AWS":"*"},
          "Action":"*","Resource":"*",
          "Condition":{"StringEquals":{"aws:PrincipalOrgID":"%1$s","aws:ResourceOrgID":"%1$s"}}},
         {"Sid":"AllowRequestsByAWSServicePrincipals","Effect":"Allow","Principal":{"AWS":"*"},
          "Action":"*","Resource":"*","Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}},
         {"Sid":"AllowRequestsByOrgsIdentitiesToAWSResources","Effect":"Allow","Principal":{"AWS":"*"},
          "Action":"*","Resource":"*",
          "Condition":{"StringEquals":{"aws:PrincipalOrgID":"%1$s","aws:PrincipalTag/dp:include:network":"true"}}}
        ]}""".formatted(ORG_ID);
  }

  private String untrustedPrincipalPolicy() {
    return """
        {"Version":"2012-10-17","Statement":[{"Sid":"AllowTeams","Effect":"Allow",
         "Principal":{"AWS":["arn:aws:iam::%s:root","arn:aws:iam::%s:root"]},"Action":"*","Resource":"*"}]}"""
        .formatted(accountId, FOREIGN_ACCOUNT);
  }

  private void build() {
    seedServices();
    String app = vpc("app-vpc", "10.0.0.0/16", true);
    subnet("app-private-a", app, "10.0.1.0/24", "us-east-1a", Map.of());
    subnet("app-private-b", app, "10.0.2.0/24", "us-east-1b", Map.of());
    subnet("app-private-c", app, "10.0.3.0/24", "us-east-1c", Map.of("endpoint-guard:endpoint-subnet", "true"));
    subnet("app-public-a", app, "10.0.101.0/24", "us-east-1a", Map.of());
    subnet("app-public-b", app, "10.0.102.0/24", "us-east-1b", Map.of());
    publicRoutes("app", app, List.of("app-public-a", "app-public-b"));
    group("endpoints-sg", app, "10.0.0.0/16");
    group("open-sg", app, "0.0.0.0/0");
    group("shared-open-sg", app, "0.0.0.0/0");
    networkInterface("app-server-eni", "app-private-a", "shared-open-sg");

    List<String> ab = List.of("app-private-a", "app-private-b");
    interfaceEndpoint("healthy-ssm", "ssm", app, ab, true, "endpoints-sg", perimeterPolicy(), Map.of());
    interfaceEndpoint("single-az-ec2messages", "ec2messages", app, List.of("app-private-a"), true, "endpoints-sg",
        perimeterPolicy(), Map.of());
    interfaceEndpoint("private-dns-off-logs", "logs", app, ab, false, "endpoints-sg", perimeterPolicy(), Map.of());
    interfaceEndpoint("default-policy-kms", "kms", app, ab, true, "endpoints-sg", "", Map.of());
    interfaceEndpoint("foreign-principal-sts", "sts", app, ab, true, "endpoints-sg", untrustedPrincipalPolicy(),
        Map.of());
    interfaceEndpoint("open-sg-secretsmanager", "secretsmanager", app, ab, true, "open-sg", perimeterPolicy(),
        Map.of());
    interfaceEndpoint("shared-sg-ecr-api", "ecr.api", app, ab, true, "shared-open-sg", perimeterPolicy(), Map.of());
    interfaceEndpoint("exempt-monitoring", "monitoring", app, List.of("app-private-a"), false, "open-sg", "",
        Map.of("endpoint-guard:exempt", "all", "endpoint-guard:exempt-until", "2099-12-31"));
    gatewayEndpoint("s3-gateway", "s3", app, "app-main-rt", perimeterPolicy());
    interfaceEndpoint("s3-interface-beside-gateway", "s3", app, ab, false, "endpoints-sg", perimeterPolicy(),
        Map.of());

    String data = vpc("data-vpc", "10.1.0.0/16", true);
    subnet("data-private-a", data, "10.1.1.0/24", "us-east-1a", Map.of());
    subnet("data-public-b", data, "10.1.102.0/24", "us-east-1b", Map.of());
    publicRoutes("data", data, List.of("data-public-b"));
    group("data-endpoints-sg", data, "10.1.0.0/16");
    interfaceEndpoint("hostnames-off-sqs", "sqs", data, List.of("data-private-a"), true, "data-endpoints-sg",
        perimeterPolicy(), Map.of());
    privateHostedZone("secretsmanager-zone", "secretsmanager.us-east-1.amazonaws.com", data);
    interfaceEndpoint("zone-conflict-secretsmanager", "secretsmanager", data, List.of("data-private-a"), false,
        "data-endpoints-sg", perimeterPolicy(), Map.of());
    // The VPC's hostnames were on while the endpoints were made; someone turned them off since.
    ec2.modifyVpcAttribute(b -> b.vpcId(data).enableDnsHostnames(AttributeBooleanValue.builder().value(false).build()));

    String edge = vpc("edge-vpc", "10.2.0.0/16", true);
    subnet("edge-private-a", edge, "10.2.1.0/24", "us-east-1a", Map.of());
    subnet("edge-private-b", edge, "10.2.2.0/24", "us-east-1b", Map.of());
    group("edge-endpoints-sg", edge, "10.2.0.0/16");
    interfaceEndpoint("one-az-service", "partner-feed", edge, List.of("edge-private-a"), true, "edge-endpoints-sg",
        perimeterPolicy(), Map.of());
    interfaceEndpoint("policy-unsupported", "audit-sink", edge, List.of("edge-private-a", "edge-private-b"), true,
        "edge-endpoints-sg", "", Map.of());
  }

  private void seedServices() {
    // A service offered in one AZ only: one AZ is all an endpoint can span.
    aws.seedEndpointService(SeededEndpointService.of("partner-feed", List.of("us-east-1a")));
    // A service whose endpoint policy cannot be changed (VpcEndpointPolicySupported=false).
    aws.seedEndpointService(SeededEndpointService.of("audit-sink", List.of("us-east-1a", "us-east-1b", "us-east-1c"))
        .withPolicySupported(false));
  }

  private static List<Tag> nameTag(String name, Map<String, String> extra) {
    List<Tag> tags = new java.util.ArrayList<>();
    tags.add(Tag.builder().key("Name").value(name).build());
    extra.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    return tags;
  }

  private void tag(String id, String name, Map<String, String> extra) {
    ec2.createTags(b -> b.resources(id).tags(nameTag(name, extra)));
  }

  private String vpc(String name, String cidr, boolean dns) {
    String id = ec2.createVpc(b -> b.cidrBlock(cidr)).vpc().vpcId();
    tag(id, name, Map.of());
    ec2.modifyVpcAttribute(b -> b.vpcId(id).enableDnsSupport(AttributeBooleanValue.builder().value(dns).build()));
    ec2.modifyVpcAttribute(b -> b.vpcId(id).enableDnsHostnames(AttributeBooleanValue.builder().value(dns).build()));
    ids.put(name, id);
    String mainTable = ec2.describeRouteTables(b -> b.filters(
            f -> f.name("vpc-id").values(id), f -> f.name("association.main").values("true")))
        .routeTables().get(0).routeTableId();
    ids.put(name.replace("-vpc", "") + "-main-rt", mainTable);
    return id;
  }

  private void subnet(String name, String vpcId, String cidr, String az, Map<String, String> tags) {
    String id = ec2.createSubnet(b -> b.vpcId(vpcId).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
    tag(id, name, tags);
    ids.put(name, id);
  }

  private void publicRoutes(String prefix, String vpcId, List<String> subnets) {
    String igw = ec2.createInternetGateway(b -> { }).internetGateway().internetGatewayId();
    ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(vpcId));
    String table = ec2.createRouteTable(b -> b.vpcId(vpcId)).routeTable().routeTableId();
    tag(table, prefix + "-public-rt", Map.of());
    ec2.createRoute(b -> b.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
    for (String s : subnets) {
      ec2.associateRouteTable(b -> b.routeTableId(table).subnetId(id(s)));
    }
    ids.put(prefix + "-igw", igw);
    ids.put(prefix + "-public-rt", table);
  }

  private void group(String name, String vpcId, String source) {
    String id = ec2.createSecurityGroup(b -> b.vpcId(vpcId).groupName(name).description(name)).groupId();
    tag(id, name, Map.of());
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp(source).build()).build()));
    ids.put(name, id);
  }

  private void networkInterface(String name, String subnet, String group) {
    String id = ec2.createNetworkInterface(b -> b.subnetId(id(subnet)).groups(id(group))
        .description("app server")).networkInterface().networkInterfaceId();
    tag(id, name, Map.of());
    ids.put(name, id);
  }

  private void interfaceEndpoint(String name, String service, String vpcId, List<String> subnets,
                                 boolean privateDns, String group, String policy, Map<String, String> tags) {
    List<String> subnetIds = subnets.stream().map(this::id).toList();
    String id = ec2.createVpcEndpoint(b -> {
      b.vpcId(vpcId).serviceName("com.amazonaws." + REGION + "." + service)
          .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnetIds).securityGroupIds(id(group))
          .privateDnsEnabled(privateDns);
      Optional.of(policy).filter(p -> !p.isEmpty()).ifPresent(b::policyDocument);
    }).vpcEndpoint().vpcEndpointId();
    tag(id, name, tags);
    ids.put(name, id);
  }

  private void gatewayEndpoint(String name, String service, String vpcId, String routeTable, String policy) {
    String id = ec2.createVpcEndpoint(b -> b.vpcId(vpcId).serviceName("com.amazonaws." + REGION + "." + service)
        .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(id(routeTable)).policyDocument(policy))
        .vpcEndpoint().vpcEndpointId();
    tag(id, name, Map.of());
    ids.put(name, id);
  }

  private void privateHostedZone(String name, String zoneName, String vpcId) {
    String id = route53.createHostedZone(b -> b.name(zoneName).callerReference(name + "-" + vpcId)
            .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.US_EAST_1))
            .hostedZoneConfig(c -> c.privateZone(true).comment("team-managed zone")))
        .hostedZone().id();
    ids.put(name, id.replace("/hostedzone/", ""));
  }
}
