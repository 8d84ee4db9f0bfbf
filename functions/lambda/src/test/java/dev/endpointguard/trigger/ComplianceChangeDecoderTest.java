package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceChangeDecoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "compliance-change-non-compliant.json";
  private final ComplianceChangeDecoder decoder = new ComplianceChangeDecoder(EventFiles.HOME);

  private static ObjectNode event() throws Exception {
    return (ObjectNode) JSON.readTree(EventFiles.read(FILE));
  }

  private static ObjectNode detail(ObjectNode event) {
    return (ObjectNode) event.get("detail");
  }

  @Test
  void decode_nonCompliantFile_givesRuleAndEndpoint() {
    Decoded decoded = decoder.decode(EventFiles.read(FILE));

    assertThat(decoded).isInstanceOf(ComplianceChange.class);
    ComplianceChange change = (ComplianceChange) decoded;
    assertThat(change.rule()).isEqualTo(RuleId.SINGLE_AZ_ENDPOINT);
    assertThat(change.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT);
    assertThat(change.resourceId()).isEqualTo("vpce-0a1b2c3d4e5f60101");
    assertThat(change.targets()).isEqualTo(Targets.endpoints(List.of("vpce-0a1b2c3d4e5f60101")));
  }

  @Test
  void decode_turnedCompliant_isIgnored() throws Exception {
    ObjectNode event = event();
    ((ObjectNode) event.path("detail").path("newEvaluationResult")).put("complianceType", "COMPLIANT");

    assertThat(decoder.decode(event.toString())).isEqualTo(new Ignored(
        "vpce-0a1b2c3d4e5f60101 is now 'COMPLIANT' with endpoint-guard-single-az-endpoint: nothing to fix"));
  }

  @Test
  void decode_anotherTeamsRule_isIgnored() {
    // The verbatim sample: a real compliance change for a rule that is not ours (account made ours).
    String json = """
        {"version":"0","id":"c0bb891c-77fe-8518-14fc-be78b966f95b","detail-type":"Config Rules Compliance Change",
         "source":"aws.config","account":"477575873490","time":"2021-04-19T19:04:05Z","region":"us-east-1",
         "resources":[],"detail":{"resourceId":"AIDAW6MN5QPJPMC7R4QBE","awsRegion":"us-east-1",
         "awsAccountId":"477575873490","configRuleName":"access-keys-rotated","recordVersion":"1.0",
         "configRuleARN":"arn:aws:config:us-east-1:477575873490:config-rule/config-rule-eguym2",
         "messageType":"ComplianceChangeNotification","newEvaluationResult":{"evaluationResultIdentifier":{
         "evaluationResultQualifier":{"configRuleName":"access-keys-rotated","resourceType":"AWS::IAM::User",
         "resourceId":"AIDAW6MN5QPJPMC7R4QBE"},"orderingTimestamp":"2021-04-19T19:03:50.251Z"},
         "complianceType":"NON_COMPLIANT"},"resourceType":"AWS::IAM::User"}}""";

    Decoded decoded = new ComplianceChangeDecoder(new AccountRegion("477575873490", "us-east-1")).decode(json);

    assertThat(decoded).isInstanceOf(Ignored.class);
    assertThat(decoded.summary()).contains("'access-keys-rotated' is not one of ours");
  }

  @Test
  void decode_adaptedVpcEndpointShapeWithRuleRenamed_isWork() throws Exception {
    ObjectNode event = event();
    detail(event).put("configRuleName", "vpce-broad-endpoint-policy").remove("resourceType");
    detail(event).remove("resourceId");

    Decoded decoded = decoder.decode(event.toString());

    // Type and id fall back to the evaluation result's qualifier.
    assertThat(decoded).isInstanceOf(ComplianceChange.class);
    assertThat(((ComplianceChange) decoded).rule()).isEqualTo(RuleId.BROAD_ENDPOINT_POLICY);
    assertThat(((ComplianceChange) decoded).resourceId()).isEqualTo("vpce-0a1b2c3d4e5f60101");
  }

  /** Issue 12: a compliance change of the endpoint service rule names the service. */
  @Test
  void decode_endpointServiceFile_givesTheService() {
    Decoded decoded = decoder.decode(EventFiles.read("compliance-change-non-compliant-endpoint-service.json"));

    ComplianceChange change = (ComplianceChange) decoded;
    assertThat(change.rule()).isEqualTo(RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS);
    assertThat(change.resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT_SERVICE);
    assertThat(change.targets()).isEqualTo(Targets.endpointServices(List.of("vpce-svc-0a1b2c3d4e5f60301")));
  }

  @Test
  void decode_endpointServiceTypeWithAnEndpointId_rejected() throws Exception {
    ObjectNode event = event();
    detail(event).put("configRuleName", "endpoint-guard-broad-endpoint-service-permissions")
        .put("resourceType", "AWS::EC2::VPCEndpointService");

    assertThat(decoder.decode(event.toString())).isInstanceOf(Rejected.class);
  }

  @Test
  void decode_vpcResource_givesVpcTarget() throws Exception {
    ObjectNode event = event();
    detail(event).put("configRuleName", "endpoint-guard-vpc-dns-disabled").put("resourceType", "AWS::EC2::VPC")
        .put("resourceId", "vpc-0a1b2c3d4e5f60718");

    Decoded decoded = decoder.decode(event.toString());

    assertThat(((Trigger) decoded).targets()).isEqualTo(Targets.vpcs(List.of("vpc-0a1b2c3d4e5f60718")));
  }

  static Stream<Arguments> malformed() throws Exception {
    String good = EventFiles.read(FILE);
    return Stream.of(
        Arguments.of("truncated JSON", good.substring(0, 300), "not valid JSON"),
        Arguments.of("not JSON", "NON_COMPLIANT", "not valid JSON"),
        Arguments.of("empty object", "{}", "missing detail-type"),
        Arguments.of("missing detail", event().without("detail").toString(), "missing detail"),
        Arguments.of("detail is a list", event().set("detail", JSON.createArrayNode()).toString(),
            "detail is not an object"),
        Arguments.of("wrong detail-type", event().put("detail-type", "AWS API Call via CloudTrail").toString(),
            "not a 'Config Rules Compliance Change' event"),
        Arguments.of("wrong source", event().put("source", "aws.ec2").toString(), "from aws.config"),
        Arguments.of("foreign account", event().put("account", "210987654321").toString(),
            "foreign account '210987654321'"),
        Arguments.of("foreign account in detail", modify(d -> d.put("awsAccountId", "210987654321")),
            "foreign account in detail '210987654321'"),
        Arguments.of("foreign region", event().put("region", "ap-south-1").toString(), "foreign region 'ap-south-1'"),
        Arguments.of("rule name a number", modify(d -> d.put("configRuleName", 42)),
            "detail.configRuleName is not a string"),
        Arguments.of("missing evaluation result", modify(d -> d.remove("newEvaluationResult")),
            "missing detail.newEvaluationResult"),
        Arguments.of("complianceType a list", modify(d -> ((ObjectNode) d.get("newEvaluationResult"))
            .set("complianceType", JSON.createArrayNode())), "complianceType is not a string"),
        Arguments.of("resource type not ours", modify(d -> d.put("resourceType", "AWS::S3::Bucket")),
            "'AWS::S3::Bucket' is not evaluated by these rules"),
        Arguments.of("bad resource id", modify(d -> d.put("resourceId", "vpce-../../etc")),
            "is not a VPC endpoint id"),
        Arguments.of("control characters in id", modify(d -> d.put("resourceId", "vpce-0a1b\r\n2c3d")),
            "detail.resourceId contains control characters"),
        Arguments.of("bad time", event().put("time", "noon").toString(), "time is not an ISO-8601 time"),
        Arguments.of("over 256 KB", event().put("id", "i".repeat(263_000)).toString(),
            "event larger than 262144 bytes"));
  }

  private static String modify(Consumer<ObjectNode> edit) throws Exception {
    return JsonEdits.edited(event(), ComplianceChangeDecoderTest::detail, edit);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void decode_malformedEvent_rejectedWithOneLineReason(String name, String input, String reasonPart) {
    Rejections.assertRejectedInOneLine(decoder.decode(input), reasonPart);
  }
}
