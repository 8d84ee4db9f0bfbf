package dev.endpointguard.handler;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalEndpointServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The estate events/ describes, seeded on the local AWS: one VPC with subnets in three AZs, a security group and
 * three Interface endpoints. {@link #event} reads an events/ file and rewrites its fixed ids to the seeded ones.
 * vpce-…60101: one AZ (single-az NON_COMPLIANT); vpce-…60102: two AZs, private DNS off, a policy granting a foreign
 * account; vpce-…60103: three AZs, healthy. On demand, vpce-svc-…60301: an endpoint service open to everyone.
 */
final class EventEstate {
  static final String ACCOUNT = "123456789012";
  static final String VPC = "vpc-0a1b2c3d4e5f60718";
  static final String SUBNET_A = "subnet-0a1b2c3d4e5f60001";
  static final String SUBNET_B = "subnet-0a1b2c3d4e5f60002";
  static final String SUBNET_C = "subnet-0a1b2c3d4e5f60003";
  static final String ONE_AZ = "vpce-0a1b2c3d4e5f60101";
  static final String DNS_OFF_BROAD = "vpce-0a1b2c3d4e5f60102";
  static final String HEALTHY = "vpce-0a1b2c3d4e5f60103";
  static final String GROUP = "sg-0a1b2c3d4e5f60201";
  /** The endpoint service of the service events, made only by {@link #offerServiceToEveryone}. */
  static final String SERVICE = "vpce-svc-0a1b2c3d4e5f60301";
  static final String OWN_ACCOUNT_POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
       "Action":"*","Resource":"*"}]}""".formatted(ACCOUNT);
  static final String FOREIGN_POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},
       "Action":"*","Resource":"*"}]}""";

  private final Ec2Client ec2;
  private final Map<String, String> ids = new LinkedHashMap<>();

  private EventEstate(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  static EventEstate seed(AwsClients clients) {
    EventEstate estate = new EventEstate(clients.ec2());
    estate.build();
    return estate;
  }

  /** The seeded id for a fixed id of events/. */
  String id(String fixed) {
    String id = ids.get(fixed);
    if (id == null) {
      throw new IllegalArgumentException("not a seeded id: " + fixed);
    }
    return id;
  }

  /** The events/ file with every fixed id replaced by the seeded one. */
  String event(String file) {
    String text = read(file);
    for (Map.Entry<String, String> e : ids.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    return text;
  }

  static String read(String file) {
    try {
      return Files.readString(Path.of("events", file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Offers an endpoint service behind a network load balancer in subnet …60001, allowing {@code *} to connect with
   * acceptance off (broad-endpoint-service-permissions NON_COMPLIANT); the events' {@link #SERVICE} names it.
   */
  void offerServiceToEveryone(LocalAws aws) {
    ids.put(SERVICE, new LocalEndpointServices(aws, ec2).create(id(SUBNET_A), false, List.of("*"), List.of()));
  }

  void vpcDnsSupport(boolean on) {
    ec2.modifyVpcAttribute(b -> b.vpcId(id(VPC)).enableDnsSupport(AttributeBooleanValue.builder().value(on).build()));
  }

  void vpcDnsHostnames(boolean on) {
    ec2.modifyVpcAttribute(b -> b.vpcId(id(VPC))
        .enableDnsHostnames(AttributeBooleanValue.builder().value(on).build()));
  }

  void openGroupToTheWorld() {
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(id(GROUP)).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
  }

  private void build() {
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsSupport(AttributeBooleanValue.builder().value(true).build()));
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
    ids.put(VPC, vpc);
    ids.put(SUBNET_A, subnet(vpc, "10.0.1.0/24", "us-east-1a"));
    ids.put(SUBNET_B, subnet(vpc, "10.0.2.0/24", "us-east-1b"));
    ids.put(SUBNET_C, subnet(vpc, "10.0.3.0/24", "us-east-1c"));
    String group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("endpoints").description("endpoints"))
        .groupId();
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder()
        .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.0.0.0/16").build())
        .build()));
    ids.put(GROUP, group);
    ids.put(ONE_AZ, endpoint(vpc, "ssm", List.of(id(SUBNET_A)), true, OWN_ACCOUNT_POLICY));
    ids.put(DNS_OFF_BROAD, endpoint(vpc, "logs", List.of(id(SUBNET_A), id(SUBNET_B)), false, FOREIGN_POLICY));
    ids.put(HEALTHY, endpoint(vpc, "kms", List.of(id(SUBNET_A), id(SUBNET_B), id(SUBNET_C)), true,
        OWN_ACCOUNT_POLICY));
  }

  private String subnet(String vpc, String cidr, String az) {
    return ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
  }

  private String endpoint(String vpc, String service, List<String> subnets, boolean privateDns, String policy) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.amazonaws.us-east-1." + service)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnets).securityGroupIds(id(GROUP))
        .privateDnsEnabled(privateDns).policyDocument(policy)).vpcEndpoint().vpcEndpointId();
  }
}
