package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigRuleEventDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ConfigRuleEventDecoder decoder = new ConfigRuleEventDecoder(EventFiles.HOME);

  private ConfigRuleInvocation invocation(String json) {
    Decoded decoded = decoder.decode(json);
    assertThat(decoded).as(decoded.summary()).isInstanceOf(ConfigRuleInvocation.class);
    return (ConfigRuleInvocation) decoded;
  }

  @Test
  void decode_changeNotificationFile_givesRuleAndResource() {
    ConfigRuleInvocation invocation = invocation(EventFiles.read("config-rule-change-vpc-endpoint.json"));

    assertThat(invocation.rule()).isEqualTo(RuleId.SINGLE_AZ_ENDPOINT);
    assertThat(invocation.messageType()).isEqualTo(ConfigMessageType.CONFIGURATION_ITEM_CHANGE);
    assertThat(invocation.testMode()).isTrue();
    assertThat(invocation.orderingTimestamp()).isEqualTo(Instant.parse("2025-03-04T10:01:40.512Z"));
    assertThat(invocation.targets()).isEqualTo(Targets.endpoints(List.of("vpce-0a1b2c3d4e5f60101")));
    ResourceToEvaluate target = (ResourceToEvaluate) invocation.target();
    assertThat(target.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
  }

  /** Issue 12: the endpoint service rule's Config item names the service to re-read. */
  @Test
  void decode_endpointServiceChangeFile_givesTheServiceToReRead() {
    ConfigRuleInvocation invocation = invocation(EventFiles.read("config-rule-change-vpc-endpoint-service.json"));

    assertThat(invocation.rule()).isEqualTo(RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS);
    assertThat(invocation.target())
        .isEqualTo(new ResourceToEvaluate(ResourceType.VPC_ENDPOINT_SERVICE, "vpce-svc-0a1b2c3d4e5f60301"));
    assertThat(invocation.targets()).isEqualTo(Targets.endpointServices(List.of("vpce-svc-0a1b2c3d4e5f60301")));
  }

  @Test
  void decode_deletedResourceFile_givesNotApplicableAndNoTargets() {
    ConfigRuleInvocation invocation = invocation(EventFiles.read("config-rule-change-vpc-endpoint-deleted.json"));

    assertThat(invocation.rule()).isEqualTo(RuleId.PRIVATE_DNS_DISABLED);
    assertThat(invocation.target()).isEqualTo(new ResourceNotApplicable(ResourceType.VPC_ENDPOINT,
        "vpce-0a1b2c3d4e5f60103", "the resource was deleted (ResourceDeleted)"));
    assertThat(invocation.targets().isEmpty()).isTrue();
  }

  @Test
  void decode_oversizedFile_givesResourceToReRead() {
    ConfigRuleInvocation invocation = invocation(EventFiles.read("config-rule-oversized.json"));

    assertThat(invocation.rule()).isEqualTo(RuleId.BROAD_ENDPOINT_POLICY);
    assertThat(invocation.messageType()).isEqualTo(ConfigMessageType.OVERSIZED_CONFIGURATION_ITEM_CHANGE);
    assertThat(invocation.target()).isEqualTo(
        new ResourceToEvaluate(ResourceType.VPC_ENDPOINT, "vpce-0a1b2c3d4e5f60102"));
    assertThat(invocation.orderingTimestamp()).isEqualTo(Instant.parse("2025-03-04T10:06:20.001Z"));
  }

  @Test
  void decode_scheduledFile_givesEveryResourceInScope() {
    ConfigRuleInvocation invocation = invocation(EventFiles.read("config-rule-scheduled.json"));

    assertThat(invocation.rule()).isEqualTo(RuleId.VPC_DNS_DISABLED);
    assertThat(invocation.target()).isEqualTo(new EveryResourceInScope());
    assertThat(invocation.targets().wholeRegion()).isTrue();
    assertThat(invocation.orderingTimestamp()).isEqualTo(Instant.parse("2025-03-04T11:00:00.373Z"));
  }

  private static ObjectNode event(String file) throws Exception {
    return (ObjectNode) JSON.readTree(EventFiles.read(file));
  }

  private static ObjectNode invokingEvent(ObjectNode event) throws Exception {
    return (ObjectNode) JSON.readTree(event.get("invokingEvent").asText());
  }

  @Test
  void decode_realResultToken_isNotTestMode() throws Exception {
    ObjectNode event = event("config-rule-scheduled.json").put("resultToken", "eyJlbmNyeXB0ZWREYXRhIjpbLTEx");

    assertThat(invocation(event.toString()).testMode()).isFalse();
  }

  @Test
  void decode_noRuleParameter_takesRuleIdFromTheEndOfTheRuleName() throws Exception {
    ObjectNode event = event("config-rule-scheduled.json").put("ruleParameters", "{\"minAzs\":\"3\"}")
        .put("configRuleName", "acme-endpoint-guard-broad-endpoint-security-group");

    ConfigRuleInvocation invocation = invocation(event.toString());
    assertThat(invocation.rule()).isEqualTo(RuleId.BROAD_ENDPOINT_SECURITY_GROUP);
  }

  @Test
  void decode_ruleParameterWinsOverRuleName() throws Exception {
    ObjectNode event = event("config-rule-scheduled.json").put("ruleParameters", "{\"rule\":\"single-az-endpoint\"}")
        .put("configRuleName", "endpoint-guard-vpc-dns-disabled");

    assertThat(invocation(event.toString()).rule()).isEqualTo(RuleId.SINGLE_AZ_ENDPOINT);
  }

  @Test
  void decode_eventLeftScope_givesNotApplicable() throws Exception {
    ObjectNode event = event("config-rule-change-vpc-endpoint.json").put("eventLeftScope", true);

    assertThat(invocation(event.toString()).target()).isEqualTo(new ResourceNotApplicable(ResourceType.VPC_ENDPOINT,
        "vpce-0a1b2c3d4e5f60101", "the resource left the rule's scope"));
  }

  @Test
  void decode_stateAsPlainString_isAccepted() throws Exception {
    ObjectNode event = event("config-rule-change-vpc-endpoint.json");
    ObjectNode invoking = invokingEvent(event);
    ((ObjectNode) invoking.path("configurationItem").path("configuration")).put("state", "pendingAcceptance");
    event.put("invokingEvent", invoking.toString());

    assertThat(invocation(event.toString()).target())
        .isEqualTo(new ResourceToEvaluate(ResourceType.VPC_ENDPOINT, "vpce-0a1b2c3d4e5f60101"));
  }

  @Test
  void decode_vpcItem_givesVpcTarget() throws Exception {
    ObjectNode event = event("config-rule-oversized.json");
    ObjectNode invoking = invokingEvent(event);
    ((ObjectNode) invoking.path("configurationItemSummary")).put("resourceType", "AWS::EC2::VPC")
        .put("resourceId", "vpc-0a1b2c3d4e5f60718");
    event.put("invokingEvent", invoking.toString());

    assertThat(invocation(event.toString()).targets()).isEqualTo(Targets.vpcs(List.of("vpc-0a1b2c3d4e5f60718")));
  }

  @Test
  void decode_referenceChangeNotificationShape_isReadWithRuleFromParameters() {
    // The AWS Config developer guide's envelope, with an AWS::EC2::VPCEndpoint item (test-only copy).
    String json = """
        {"invokingEvent":"{\\"configurationItem\\":{\\"configurationItemCaptureTime\\":\\"2024-05-02T10:05:12.345Z\\",\
        \\"awsAccountId\\":\\"111122223333\\",\\"configurationItemStatus\\":\\"OK\\",\\"resourceId\\":\
        \\"vpce-0fe5b17a0707d6abc\\",\\"resourceName\\":null,\\"awsRegion\\":\\"us-east-1\\",\\"resourceType\\":\
        \\"AWS::EC2::VPCEndpoint\\",\\"configuration\\":{\\"vpcEndpointId\\":\\"vpce-0fe5b17a0707d6abc\\",\
        \\"vpcId\\":\\"vpc-0a1b2c3d4e5f60718\\",\\"state\\":{\\"value\\":\\"available\\"},\\"policyDocument\\":\
        \\"{\\\\n  \\\\\\"Statement\\\\\\": []\\\\n}\\",\\"subnetIds\\":[\\"subnet-0aaa1111bbbb2222c\\"],\
        \\"privateDnsEnabled\\":false}},\\"notificationCreationTime\\":\\"2024-05-02T10:05:13.000Z\\",\
        \\"messageType\\":\\"ConfigurationItemChangeNotification\\",\\"recordVersion\\":\\"1.3\\"}",
         "ruleParameters":"{\\"rule\\":\\"single-az-endpoint\\",\\"minAzCount\\":\\"2\\"}",
         "resultToken":"myResultToken","eventLeftScope":false,
         "executionRoleArn":"arn:aws:iam::111122223333:role/config-role",
         "configRuleArn":"arn:aws:config:us-east-1:111122223333:config-rule/config-rule-0123456",
         "configRuleName":"vpce-multi-az","configRuleId":"config-rule-0123456","accountId":"111122223333",
         "version":"1.0"}""";

    Decoded decoded = new ConfigRuleEventDecoder(new AccountRegion("111122223333", "us-east-1")).decode(json);

    assertThat(decoded).isInstanceOf(ConfigRuleInvocation.class);
    ConfigRuleInvocation invocation = (ConfigRuleInvocation) decoded;
    assertThat(invocation.rule()).isEqualTo(RuleId.SINGLE_AZ_ENDPOINT);
    assertThat(invocation.testMode()).isFalse();
  }

  private static String withInvoking(String file, String invokingEvent) throws Exception {
    return event(file).put("invokingEvent", invokingEvent).toString();
  }

  private static String with(String file, String field, String value) throws Exception {
    return event(file).put(field, value).toString();
  }

  static Stream<Arguments> malformed() throws Exception {
    String change = "config-rule-change-vpc-endpoint.json";
    String scheduled = "config-rule-scheduled.json";
    String good = EventFiles.read(change);
    String item = invokingEvent(event(change)).toString();
    return Stream.of(
        Arguments.of("truncated JSON", good.substring(0, 200), "not valid JSON"),
        Arguments.of("not JSON", "<xml/>", "not valid JSON"),
        Arguments.of("invokingEvent not JSON", withInvoking(change, "{not json"), "invokingEvent is not valid JSON"),
        Arguments.of("invokingEvent an object", event(change).set("invokingEvent", JSON.createObjectNode()).toString(),
            "invokingEvent is not a JSON string"),
        Arguments.of("invokingEvent missing", event(change).without("invokingEvent").toString(),
            "missing invokingEvent"),
        Arguments.of("unknown rule id", with(change, "ruleParameters", "{\"rule\":\"no-such-rule\"}"),
            "unknown rule id 'no-such-rule' in ruleParameters.rule; valid: single-az-endpoint, private-dns-disabled"),
        Arguments.of("rule name without id", event(change).put("ruleParameters", "{}")
            .put("configRuleName", "someone-elses-rule").toString(), "ends with no rule id"),
        Arguments.of("ruleParameters not JSON", with(change, "ruleParameters", "rule=single"),
            "ruleParameters is not valid JSON"),
        Arguments.of("ruleParameters nested", with(change, "ruleParameters", "{\"rule\":{\"id\":1}}"),
            "ruleParameters.rule is not a string, number or boolean"),
        Arguments.of("unknown message type", withInvoking(change,
            item.replace("ConfigurationItemChangeNotification", "ComplianceChangeNotification")),
            "invokingEvent.messageType 'ComplianceChangeNotification' is not handled"),
        Arguments.of("foreign account", with(change, "accountId", "210987654321"), "foreign account '210987654321'"),
        Arguments.of("foreign region in rule ARN", with(change, "configRuleArn",
            "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-1"), "foreign region 'eu-west-1'"),
        Arguments.of("foreign region in item", withInvoking(change,
            item.replace("\"awsRegion\":\"us-east-1\"", "\"awsRegion\":\"us-west-2\"")),
            "foreign region in invokingEvent.configurationItem 'us-west-2'"),
        Arguments.of("bad rule ARN", with(change, "configRuleArn", "config-rule-1"), "not a Config rule ARN"),
        Arguments.of("resource type not ours", withInvoking(change,
            item.replace("AWS::EC2::VPCEndpoint", "AWS::EC2::Instance")),
            "'AWS::EC2::Instance' is not evaluated by these rules"),
        Arguments.of("bad resource id", withInvoking(change,
            item.replace("\"resourceId\":\"vpce-0a1b2c3d4e5f60101\"", "\"resourceId\":\"vpce-1\"")),
            "is not a VPC endpoint id: 'vpce-1'"),
        Arguments.of("missing result token", event(change).without("resultToken").toString(), "missing resultToken"),
        Arguments.of("eventLeftScope a string", with(change, "eventLeftScope", "perhaps"),
            "eventLeftScope is not a boolean"),
        Arguments.of("control characters in rule name", event(change).put("ruleParameters", "{}")
            .put("configRuleName", "endpoint-guard-single-az-endpoint\u0007").toString(),
            "configRuleName contains control characters"),
        Arguments.of("scheduled without time", withInvoking(scheduled,
            "{\"awsAccountId\":\"123456789012\",\"messageType\":\"ScheduledNotification\"}"),
            "missing invokingEvent.notificationCreationTime"),
        Arguments.of("missing configuration item", withInvoking(change,
            "{\"messageType\":\"ConfigurationItemChangeNotification\"}"), "missing invokingEvent.configurationItem"),
        Arguments.of("over 256 KB", with(change, "executionRoleArn", "r".repeat(270_000)),
            "event larger than 262144 bytes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_malformedInvocation_rejectedWithOneLineReason(String name, String input, String reasonPart) {
    Rejections.assertRejectedInOneLine(decoder.decode(input), reasonPart);
  }
}
