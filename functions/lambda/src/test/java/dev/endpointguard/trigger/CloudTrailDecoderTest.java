package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CloudTrailDecoderTest {
  private static final String E1 = "vpce-0a1b2c3d4e5f60101";
  private static final String E2 = "vpce-0a1b2c3d4e5f60102";
  private static final String E3 = "vpce-0a1b2c3d4e5f60103";
  private static final String VPC = "vpc-0a1b2c3d4e5f60718";
  private static final String SG = "sg-0a1b2c3d4e5f60201";
  private static final String ALICE = "arn:aws:sts::123456789012:assumed-role/NetworkAdmin/alice";

  private final CloudTrailDecoder decoder = new CloudTrailDecoder(EventFiles.HOME);

  private ChangeEvent change(String file) {
    Decoded decoded = decoder.decode(EventFiles.read(file));
    assertThat(decoded).as(decoded.summary()).isInstanceOf(ChangeEvent.class);
    return (ChangeEvent) decoded;
  }

  static Stream<Arguments> eventFiles() {
    return Stream.of(
        Arguments.of("cloudtrail-create-vpc-endpoint-one-subnet.json", Targets.endpoints(List.of(E1))),
        Arguments.of("cloudtrail-create-vpc-endpoint-several-subnets.json", Targets.endpoints(List.of(E2))),
        Arguments.of("cloudtrail-create-vpc-endpoint-pending-no-subnets.json", Targets.endpoints(List.of(E3))),
        Arguments.of("cloudtrail-modify-vpc-endpoint-add-subnet.json", Targets.endpoints(List.of(E1))),
        Arguments.of("cloudtrail-modify-vpc-endpoint-private-dns-off.json", Targets.endpoints(List.of(E2))),
        Arguments.of("cloudtrail-modify-vpc-endpoint-policy.json", Targets.endpoints(List.of(E2))),
        Arguments.of("cloudtrail-modify-vpc-attribute-dns-support-off.json", Targets.vpcs(List.of(VPC))),
        Arguments.of("cloudtrail-modify-vpc-attribute-dns-hostnames-off.json", Targets.vpcs(List.of(VPC))),
        Arguments.of("cloudtrail-authorize-security-group-ingress-nested.json", Targets.securityGroups(List.of(SG))),
        Arguments.of("cloudtrail-authorize-security-group-ingress-flat.json", Targets.securityGroups(List.of(SG))),
        Arguments.of("cloudtrail-modify-security-group-rules.json", Targets.securityGroups(List.of(SG))),
        Arguments.of("cloudtrail-delete-vpc-endpoints.json", Targets.allInRegion()),
        Arguments.of("cloudtrail-create-subnet.json", Targets.vpcs(List.of(VPC))),
        Arguments.of("cloudtrail-create-vpc-endpoint-service-configuration.json",
            Targets.endpointServices(List.of(SERVICE))),
        Arguments.of("cloudtrail-modify-vpc-endpoint-service-configuration-acceptance-off.json",
            Targets.endpointServices(List.of(SERVICE))),
        Arguments.of("cloudtrail-modify-vpc-endpoint-service-permissions-everyone.json",
            Targets.endpointServices(List.of(SERVICE))));
  }

  private static final String SERVICE = "vpce-svc-0a1b2c3d4e5f60301";

  @ParameterizedTest
  @MethodSource("eventFiles")
  void decode_eventFile_givesItsExactTargetsAndCaller(String file, Targets expected) {
    ChangeEvent event = change(file);

    assertThat(event.targets()).isEqualTo(expected);
    assertThat(event.call().caller().arn()).contains(ALICE);
    assertThat(event.madeBy(ALICE)).isTrue();
    assertThat(event.madeBy("arn:aws:iam::123456789012:role/NetworkAdmin")).isTrue();
    assertThat(event.madeBy("arn:aws:sts::123456789012:assumed-role/endpoint-guard-fn/other-session")).isFalse();
  }

  @Test
  void decode_everyCloudTrailEventFile_isCoveredByATest() throws Exception {
    try (Stream<java.nio.file.Path> files = Files.list(EventFiles.path(""))) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cloudtrail-"))
          .sorted().collect(Collectors.toList());
      List<String> covered = Stream.concat(eventFiles().map(a -> (String) a.get()[0]),
          Stream.of("cloudtrail-modify-vpc-endpoint-error.json")).sorted().collect(Collectors.toList());
      assertThat(names).isEqualTo(covered);
    }
  }

  @Test
  void decode_createWithOneSubnet_readsTheEndpoint() {
    EndpointCreated created = (EndpointCreated) change("cloudtrail-create-vpc-endpoint-one-subnet.json").change();

    assertThat(created).isEqualTo(new EndpointCreated(E1));
    assertThat(change("cloudtrail-create-vpc-endpoint-one-subnet.json").call().eventName())
        .isEqualTo("CreateVpcEndpoint");
  }

  @Test
  void decode_pendingCreateWithEmptySubnetSet_stillGivesTheEndpoint() {
    EndpointCreated created = (EndpointCreated) change("cloudtrail-create-vpc-endpoint-pending-no-subnets.json")
        .change();

    assertThat(created.endpointId()).isEqualTo(E3);
  }

  @Test
  void decode_modifyVpcAttribute_givesAVpcDnsChange() {
    assertThat(change("cloudtrail-modify-vpc-attribute-dns-support-off.json").change())
        .isEqualTo(new VpcDnsChanged(VPC));
    assertThat(change("cloudtrail-modify-vpc-attribute-dns-hostnames-off.json").change())
        .isEqualTo(new VpcDnsChanged(VPC));
  }

  @Test
  void decode_ingressNestedAndFlat_giveTheSameGroup() {
    IngressChanged nested = (IngressChanged) change("cloudtrail-authorize-security-group-ingress-nested.json")
        .change();
    IngressChanged flat = (IngressChanged) change("cloudtrail-authorize-security-group-ingress-flat.json").change();

    assertThat(nested).isEqualTo(new IngressChanged(List.of(SG)));
    assertThat(flat).isEqualTo(nested);
  }

  @Test
  void decode_modifySecurityGroupRules_readsTheGroup() {
    assertThat(change("cloudtrail-modify-security-group-rules.json").change())
        .isEqualTo(new IngressChanged(List.of(SG)));
  }

  @Test
  void decode_deleteVpcEndpoints_sweepsTheRegion() {
    ChangeEvent event = change("cloudtrail-delete-vpc-endpoints.json");

    assertThat(event.change()).isEqualTo(new EndpointsDeleted());
    assertThat(event.targets().wholeRegion()).isTrue();
  }

  @Test
  void decode_eventWithErrorCode_isIgnoredNotRejected() {
    Decoded decoded = decoder.decode(EventFiles.read("cloudtrail-modify-vpc-endpoint-error.json"));

    assertThat(decoded).isEqualTo(new Ignored(
        "ModifyVpcEndpoint failed with 'Client.DuplicateSubnetsInSameZone': nothing changed"));
  }

  @Test
  void decode_inputStream_givesTheSameResultAsString() throws Exception {
    String json = EventFiles.read("cloudtrail-create-vpc-endpoint-one-subnet.json");
    Decoded fromString = decoder.decode(json);

    try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
      assertThat(decoder.decode(in)).isEqualTo(fromString);
    }
  }

  // Reference shapes (test-only copies, the tricky parts of real and reconstructed samples).

  private static final AccountRegion REFERENCE = new AccountRegion("111122223333", "us-east-1");

  private static String envelope(String account, String region, String eventName, String requestParameters,
                                 String responseElements) {
    return """
        {"version":"0","id":"6f3c2a1e-0b7d-4c55-9d6e-2a1f0c9e7b01","detail-type":"AWS API Call via CloudTrail",
         "source":"aws.ec2","account":"%1$s","time":"2023-11-30T07:19:13Z","region":"%2$s","resources":[],
         "detail":{"eventVersion":"1.09",
           "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::%1$s:user/christophe","accountId":"%1$s"},
           "eventTime":"2023-11-30T07:19:13Z","eventSource":"ec2.amazonaws.com","eventName":"%3$s",
           "awsRegion":"%2$s","requestParameters":%4$s,"responseElements":%5$s,
           "eventID":"089ca63b-f6f9-4e75-aec7-8e68ddee34a4","recipientAccountId":"%1$s"}}
        """.formatted(account, region, eventName, requestParameters, responseElements);
  }

  private ChangeEvent reference(String eventName, String request, String response) {
    Decoded decoded = new CloudTrailDecoder(REFERENCE)
        .decode(envelope("111122223333", "us-east-1", eventName, request, response));
    assertThat(decoded).as(decoded.summary()).isInstanceOf(ChangeEvent.class);
    return (ChangeEvent) decoded;
  }

  @Test
  void decode_realConsoleCreateWithEmptySetsAndTagSpecification_givesTheEndpoint() {
    ChangeEvent event = reference("CreateVpcEndpoint", """
        {"CreateVpcEndpointRequest":{"TagSpecification":{"Tag":{"Key":"Name","Value":"myVPCEndpoint1","tag":1},
          "ResourceType":"vpc-endpoint","tag":1},"IpAddressType":"ipv4","PrivateDnsEnabled":true,
          "VpcEndpointType":"Interface","DnsOptions":{"DnsRecordIpType":"ipv4"},
          "ServiceName":"aws.api.us-east-1.kendra-ranking","VpcId":"vpc-db0c0ffee56bc40db"}}""", """
        {"CreateVpcEndpointResponse":{"xmlns":"http://ec2.amazonaws.com/doc/2016-11-15/","vpcEndpoint":{
          "state":"pending","dnsEntrySet":"","subnetIdSet":"","routeTableIdSet":"","vpcId":"vpc-db0c0ffee56bc40db",
          "tagSet":{"item":{"key":"Name","value":"myVPCEndpoint1"}},"vpcEndpointId":"vpce-db0c0ffee984e07fa",
          "groupSet":{"item":{"groupName":"default","groupId":"sg-db0c0ffee64dcb055"}},
          "vpcEndpointType":"Interface"},"requestId":"10525541-a268-4111-9b64-14cc88047573"}}""");

    assertThat(event.change()).isEqualTo(new EndpointCreated("vpce-db0c0ffee984e07fa"));
    assertThat(event.call().caller().type()).isEqualTo("IAMUser");
  }

  @Test
  void decode_createWithSeveralTaggedSubnetsInRequestOnly_givesTheEndpoint() {
    ChangeEvent event = reference("CreateVpcEndpoint", """
        {"CreateVpcEndpointRequest":{"VpcId":"vpc-0a1b2c3d4e5f60718","VpcEndpointType":"Interface",
          "SubnetId":[{"content":"subnet-0aaa1111bbbb2222c","tag":1},{"content":"subnet-0ddd3333eeee4444f","tag":2}],
          "SecurityGroupId":{"content":"sg-0123456789abcdef0","tag":1}}}""", """
        {"CreateVpcEndpointResponse":{"vpcEndpoint":{"vpcEndpointId":"vpce-0fe5b17a0707d6abc","subnetIdSet":""}}}""");

    assertThat(event.change()).isEqualTo(new EndpointCreated("vpce-0fe5b17a0707d6abc"));
  }

  @Test
  void decode_responseSubnetSetWithOneItemObject_givesTheEndpoint() {
    ChangeEvent event = reference("CreateVpcEndpoint", """
        {"CreateVpcEndpointRequest":{"VpcId":"vpc-0a1b2c3d"}}""", """
        {"CreateVpcEndpointResponse":{"vpcEndpoint":{"vpcEndpointId":"vpce-0fe5b17a",
          "subnetIdSet":{"item":"subnet-0aaa1111"}}}}""");

    assertThat(event.change()).isEqualTo(new EndpointCreated("vpce-0fe5b17a"));
  }

  @Test
  void decode_modifyWithTaggedListsOfOneAndSeveral_givesTheEndpoint() {
    ChangeEvent event = reference("ModifyVpcEndpoint", """
        {"ModifyVpcEndpointRequest":{"VpcEndpointId":"vpce-0fe5b17a0707d6abc",
          "AddSubnetId":{"content":"subnet-0aaa1111bbbb2222c","tag":1},
          "RemoveSubnetId":[{"content":"subnet-0ddd3333eeee4444f","tag":1},{"content":"subnet-0eee3333eeee4444f","tag":2}],
          "RemoveSecurityGroupId":{"content":"sg-0123456789abcdef0","tag":1},
          "PrivateDnsEnabled":false,"ResetPolicy":true}}""", """
        {"ModifyVpcEndpointResponse":{"return":true}}""");

    assertThat(event.change()).isEqualTo(new EndpointModified("vpce-0fe5b17a0707d6abc"));
  }

  @Test
  void decode_legacyCamelCaseModifyWithItems_givesTheEndpoint() {
    ChangeEvent event = reference("ModifyVpcEndpoint", """
        {"vpcEndpointId":"vpce-0fe5b17a0707d6abc","addSubnetId":{"items":[{"subnetId":"subnet-0aaa1111bbbb2222c"}]},
         "addSecurityGroupId":{"items":[{"groupId":"sg-0123456789abcdef0"}]},"privateDnsEnabled":"true"}""", "null");

    assertThat(event.change()).isEqualTo(new EndpointModified("vpce-0fe5b17a0707d6abc"));
  }

  /** Issue 12: the legacy flat form of the endpoint service calls names the same service. */
  @Test
  void decode_endpointServiceCallsInTheFlatForm_giveTheService() {
    assertThat(reference("ModifyVpcEndpointServicePermissions", """
        {"serviceId":"vpce-svc-03d5ebb7d9579a2b3","addAllowedPrincipals":{"items":[{"item":"*"},
         {"item":"arn:aws:iam::444455556666:root"}]}}""", "{\"return\":true}").change())
        .isEqualTo(new EndpointServiceChanged("vpce-svc-03d5ebb7d9579a2b3"));
    assertThat(reference("ModifyVpcEndpointServiceConfiguration", """
        {"serviceId":"vpce-svc-03d5ebb7d9579a2b3","acceptanceRequired":false}""", "null").change())
        .isEqualTo(new EndpointServiceChanged("vpce-svc-03d5ebb7d9579a2b3"));
    assertThat(reference("CreateVpcEndpointServiceConfiguration", """
        {"acceptanceRequired":false,"networkLoadBalancerArn":{"items":[{"item":"arn:aws:elasticloadbalancing:\
        us-east-1:111122223333:loadbalancer/net/n/0123456789abcdef"}]}}""", """
        {"serviceConfiguration":{"serviceId":"vpce-svc-03d5ebb7d9579a2b3","acceptanceRequired":false}}""")
        .targets()).isEqualTo(Targets.endpointServices(List.of("vpce-svc-03d5ebb7d9579a2b3")));
  }

  @Test
  void decode_modifyVpcAttributeWithStringValue_givesTheVpc() {
    ChangeEvent event = reference("ModifyVpcAttribute", """
        {"vpcId":"vpc-0a1b2c3d4e5f60718","enableDnsHostnames":{"value":"false"}}""", """
        {"requestId":"6e5d4c3b-0f9a-4b8c-9d7e-3a4b5c6d7e80","_return":true}""");

    assertThat(event.change()).isEqualTo(new VpcDnsChanged("vpc-0a1b2c3d4e5f60718"));
  }

  @Test
  void decode_modifyVpcAttributeOfAnotherAttribute_isIgnored() {
    Decoded decoded = new CloudTrailDecoder(REFERENCE).decode(envelope("111122223333", "us-east-1",
        "ModifyVpcAttribute", """
            {"vpcId":"vpc-0a1b2c3d4e5f60718","enableNetworkAddressUsageMetrics":{"value":true}}""", "null"));

    assertThat(decoded).isInstanceOf(Ignored.class);
  }

  @Test
  void decode_verbatimNestedIngress_readsTheGroup() {
    ChangeEvent event = reference("AuthorizeSecurityGroupIngress", """
        {"ipPermissions":{"items":[{"fromPort":22,"groups":{},"toPort":22,"ipProtocol":"tcp","ipv6Ranges":{},
          "prefixListIds":{},"ipRanges":{"items":[{"cidrIp":"0.0.0.0/0"}]}}]},"groupId":"sg-db0c0ffeec0e67ce0"}""", """
        {"_return":true,"securityGroupRuleSet":{"items":[{"securityGroupRuleId":"sgr-db0c0ffee14167c6d",
          "ipProtocol":"tcp","cidrIpv4":"0.0.0.0/0","isEgress":false,"toPort":22,"groupId":"sg-db0c0ffeec0e67ce0",
          "fromPort":22,"groupOwnerId":"111122223333"}]}}""");

    assertThat(event.change()).isEqualTo(new IngressChanged(List.of("sg-db0c0ffeec0e67ce0")));
  }

  @Test
  void decode_verbatimFlatIngress_readsTheGroup() {
    ChangeEvent event = reference("AuthorizeSecurityGroupIngress", """
        {"cidrIp":"208.236.235.254/0","fromPort":22,"groupId":"sg-003dc7f1f1c686164","ipPermissions":{},
         "ipProtocol":"tcp","toPort":22}""", """
        {"_return":true,"securityGroupRuleSet":{"items":[{"cidrIpv4":"208.236.235.254/0","fromPort":22,
          "groupId":"sg-003dc7f1f1c686164","isEgress":false,"ipProtocol":"tcp","toPort":22}]}}""");

    assertThat(event.change()).isEqualTo(new IngressChanged(List.of("sg-003dc7f1f1c686164")));
  }

  @Test
  void decode_ingressByGroupNameOnly_takesTheGroupIdFromTheResponse() {
    ChangeEvent event = reference("AuthorizeSecurityGroupIngress", """
        {"groupName":"default","ipPermissions":{"items":[{"ipProtocol":"-1","groups":{"items":[
          {"groupId":"sg-0fffffffffffffff0"}]},"ipRanges":{"items":[{"cidrIp":"::/0"}]}}]}}""", """
        {"_return":true,"securityGroupRuleSet":{"items":[{"groupId":"sg-003dc7f1f1c686164","cidrIpv6":"::/0"}]}}""");

    // The referenced source group is not a target: only the group whose rules changed is.
    assertThat(event.targets()).isEqualTo(Targets.securityGroups(List.of("sg-003dc7f1f1c686164")));
  }

  @Test
  void decode_deleteWithSeveralTaggedIds_sweepsTheRegion() {
    ChangeEvent event = reference("DeleteVpcEndpoints", """
        {"DeleteVpcEndpointsRequest":{"VpcEndpointId":[{"content":"vpce-0fe5b17a0707d6abc","tag":1},
          {"content":"vpce-0fe5b17a0707d6abd","tag":2}]}}""", """
        {"DeleteVpcEndpointsResponse":{"unsuccessful":""}}""");

    assertThat(event.change()).isEqualTo(new EndpointsDeleted());
  }

  @Test
  void decode_reconstructedModifyReferenceWithNonHexSubnetId_isRejected() {
    // The reference sample's "subnet-0ggg5555hhhh6666i" is not a valid id: real events never carry it.
    Decoded decoded = new CloudTrailDecoder(REFERENCE).decode(envelope("111122223333", "us-east-1",
        "ModifyVpcEndpoint", """
            {"ModifyVpcEndpointRequest":{"VpcEndpointId":"vpce-0fe5b17a0707d6abc",
              "AddSubnetId":{"content":"subnet-0ggg5555hhhh6666i","tag":1}}}""", "null"));

    assertThat(decoded).isEqualTo(new Rejected("AddSubnetId is not a subnet id: 'subnet-0ggg5555hhhh6666i'"));
  }

  // Malformed, foreign and unknown events.

  private static final String GOOD = EventFiles.read("cloudtrail-create-vpc-endpoint-one-subnet.json");

  static Stream<Arguments> malformed() {
    String subnets = IntStream.range(0, 10_000).mapToObj(i -> "\"subnet-%08x\"".formatted(i))
        .collect(Collectors.joining(","));
    return Stream.of(
        Arguments.of("truncated JSON", GOOD.substring(0, GOOD.length() / 2), "not valid JSON"),
        Arguments.of("empty input", "", "event is empty"),
        Arguments.of("not JSON", "hello", "not valid JSON"),
        Arguments.of("JSON array", "[1,2]", "not a JSON object"),
        Arguments.of("trailing garbage", GOOD + "}", "not valid JSON"),
        Arguments.of("duplicate key", GOOD.replaceFirst("\\{", "{\"source\":\"aws.ec2\","), "not valid JSON"),
        Arguments.of("missing detail", GOOD.replaceFirst("\"detail\":", "\"other\":"), "missing detail"),
        Arguments.of("detail is a string", "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"AWS API Call via "
            + "CloudTrail\",\"source\":\"aws.ec2\",\"account\":\"123456789012\",\"time\":\"2025-03-04T10:01:00Z\","
            + "\"region\":\"us-east-1\",\"detail\":\"oops\"}", "detail is not an object"),
        Arguments.of("eventName is a number",
            GOOD.replace("\"eventName\": \"CreateVpcEndpoint\"", "\"eventName\": 7"), "detail.eventName is not a string"),
        Arguments.of("unknown event name",
            GOOD.replace("\"eventName\": \"CreateVpcEndpoint\"", "\"eventName\": \"RunInstances\""),
            "unknown event name 'RunInstances'"),
        Arguments.of("wrong detail-type", GOOD.replace("AWS API Call via CloudTrail", "Scheduled Event"),
            "not a 'AWS API Call via CloudTrail' event"),
        Arguments.of("wrong source", GOOD.replace("\"source\": \"aws.ec2\"", "\"source\": \"aws.s3\""),
            "not a 'AWS API Call via CloudTrail' event from aws.ec2"),
        Arguments.of("foreign account", GOOD.replace("\"account\": \"123456789012\"", "\"account\": \"210987654321\""),
            "foreign account '210987654321'"),
        Arguments.of("foreign recipient account",
            GOOD.replace("\"recipientAccountId\": \"123456789012\"", "\"recipientAccountId\": \"210987654321\""),
            "foreign account in detail '210987654321'"),
        Arguments.of("foreign region", GOOD.replace("\"region\": \"us-east-1\"", "\"region\": \"eu-west-1\""),
            "foreign region 'eu-west-1'"),
        Arguments.of("bad endpoint id", GOOD.replace("\"vpcEndpointId\": \"vpce-0a1b2c3d4e5f60101\"",
            "\"vpcEndpointId\": \"vpce-XYZ\""), "is not a VPC endpoint id: 'vpce-XYZ'"),
        Arguments.of("uppercase hex id", GOOD.replace("vpce-0a1b2c3d4e5f60101", "vpce-0A1B2C3D4E5F60101"),
            "is not a VPC endpoint id"),
        Arguments.of("control characters in id", GOOD.replace("vpce-0a1b2c3d4e5f60101", "vpce-0a1b\\u0000c3d"),
            "contains control characters"),
        Arguments.of("10,000 subnet ids", envelope("123456789012", "us-east-1", "ModifyVpcEndpoint",
            "{\"ModifyVpcEndpointRequest\":{\"VpcEndpointId\":\"vpce-0a1b2c3d\",\"AddSubnetId\":[" + subnets + "]}}",
            "null"), "names too many subnet ids (10000 > 100)"),
        Arguments.of("over 256 KB", GOOD.replace("\"resources\": []",
            "\"resources\": [\"" + "x".repeat(300_000) + "\"]"), "event larger than 262144 bytes"),
        Arguments.of("bad eventTime", GOOD.replace("\"eventTime\": \"2025-03-04T10:01:00Z\"",
            "\"eventTime\": \"yesterday\""), "detail.eventTime is not an ISO-8601 time"),
        Arguments.of("create without response", envelope("123456789012", "us-east-1", "CreateVpcEndpoint",
            "{\"CreateVpcEndpointRequest\":{\"VpcId\":\"vpc-0a1b2c3d\"}}", "null"), "(the new endpoint's id)"),
        Arguments.of("requestParameters is a list", envelope("123456789012", "us-east-1", "ModifyVpcEndpoint",
            "[]", "null"), "detail.requestParameters is not an object"),
        Arguments.of("subnet list of numbers", envelope("123456789012", "us-east-1", "ModifyVpcEndpoint",
            "{\"ModifyVpcEndpointRequest\":{\"VpcEndpointId\":\"vpce-0a1b2c3d\",\"AddSubnetId\":[1,2]}}", "null"),
            "is not a string or a list of strings"),
        Arguments.of("two VPC attributes", envelope("123456789012", "us-east-1", "ModifyVpcAttribute",
            "{\"vpcId\":\"vpc-0a1b2c3d\",\"enableDnsSupport\":{\"value\":false},\"enableDnsHostnames\":{\"value\":false}}",
            "null"), "AWS accepts one per call"),
        Arguments.of("private DNS flag not boolean", envelope("123456789012", "us-east-1", "ModifyVpcEndpoint",
            "{\"ModifyVpcEndpointRequest\":{\"VpcEndpointId\":\"vpce-0a1b2c3d\",\"PrivateDnsEnabled\":\"maybe\"}}",
            "null"), "privateDnsEnabled is not a boolean"),
        Arguments.of("ingress without any group id", envelope("123456789012", "us-east-1",
            "AuthorizeSecurityGroupIngress", "{\"groupName\":\"default\",\"cidrIp\":\"0.0.0.0/0\"}", "null"),
            "names no security group id"),
        Arguments.of("Issue 12: service permissions without a service id", envelope("123456789012", "us-east-1",
            "ModifyVpcEndpointServicePermissions", "{\"addAllowedPrincipals\":{\"items\":[{\"item\":\"*\"}]}}",
            "null"), "missing detail.requestParameters.ModifyVpcEndpointServicePermissionsRequest.ServiceId"),
        Arguments.of("Issue 12: service configuration with an endpoint id for a service id",
            envelope("123456789012", "us-east-1", "ModifyVpcEndpointServiceConfiguration",
                "{\"serviceId\":\"vpce-0a1b2c3d4e5f60101\"}", "null"), "ServiceId is not a VPC endpoint service id"),
        Arguments.of("Issue 12: new service without its id in the response", envelope("123456789012", "us-east-1",
            "CreateVpcEndpointServiceConfiguration", "{\"acceptanceRequired\":false}", "{\"serviceConfiguration\":{}}"),
            "serviceConfiguration.serviceId"),
        Arguments.of("Issue 12: new service without a response", envelope("123456789012", "us-east-1",
            "CreateVpcEndpointServiceConfiguration", "{\"acceptanceRequired\":false}", "null"),
            "missing detail.responseElements.CreateVpcEndpointServiceConfigurationResponse.serviceConfiguration"),
        Arguments.of("Issue 12: acceptance that is not a boolean", envelope("123456789012", "us-east-1",
            "ModifyVpcEndpointServiceConfiguration",
            "{\"serviceId\":\"vpce-svc-03d5ebb7d9579a2b3\",\"acceptanceRequired\":[1]}", "null"), "acceptanceRequired"),
        Arguments.of("deeply nested JSON", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "not valid JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_malformedInput_rejectedWithOneLineReason(String name, String input, String reasonPart) {
    Decoded decoded = decoder.decode(input);

    assertThat(decoded).isInstanceOf(Rejected.class);
    String reason = ((Rejected) decoded).reason();
    assertThat(reason).contains(reasonPart).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(303);
  }

  @Test
  void decode_nullInputs_rejected() {
    assertThat(decoder.decode((String) null)).isEqualTo(new Rejected("no event"));
    assertThat(decoder.decode((InputStream) null)).isEqualTo(new Rejected("no event"));
  }

  @Test
  void decode_oversizedStream_rejectedWithoutReadingItAll() {
    byte[] big = ("{\"x\":\"" + "y".repeat(EventJson.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(decoder.decode(new ByteArrayInputStream(big)))
        .isEqualTo(new Rejected("event larger than 262144 bytes"));
  }
}
