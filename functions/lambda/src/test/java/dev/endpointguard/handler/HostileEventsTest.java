package dev.endpointguard.handler;

import static dev.endpointguard.handler.HostileEvents.at;
import static dev.endpointguard.handler.HostileEvents.ids;
import static dev.endpointguard.handler.HostileEvents.inDocument;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * At least 40 malformed or hostile events per handler, every rule in remediate mode: each is rejected with one
 * printable line, no stack trace in the result, no AWS write (counted per SDK call), and the EC2 state of the seeded
 * estate is exactly what it was.
 */
@LocalAwsTest
class HostileEventsTest {
  private static final int PER_HANDLER = 40;

  @Test
  void everyHandler_hostileEvents_rejectedInOneLineWithoutWrites(LocalAws aws, AwsClients clients) throws IOException {
    EventEstate estate = EventEstate.seed(clients);
    estate.openGroupToTheWorld();
    Map<String, String> remediateAll = new HashMap<>();
    for (RuleId rule : RuleId.values()) {
      remediateAll.put("MODE_" + rule.name(), "remediate");
    }
    Invoker invoker = new Invoker(aws, remediateAll);
    Ec2State before = Ec2State.capture(clients.ec2());
    Map<Functions, Map<String, byte[]>> corpus = corpus(estate);
    Map<String, Integer> counts = new TreeMap<>();

    for (Map.Entry<Functions, Map<String, byte[]>> handler : corpus.entrySet()) {
      assertThat(handler.getValue()).as(handler.getKey().logicalId()).hasSizeGreaterThanOrEqualTo(PER_HANDLER);
      RequestStreamHandler function = handler.getKey().create(invoker.runtime());
      for (Map.Entry<String, byte[]> event : handler.getValue().entrySet()) {
        String label = handler.getKey().logicalId() + " / " + event.getKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.getValue()), out,
            new LocalContext(handler.getKey().logicalId(), "us-east-1", () -> "123456789012", 300, 512,
                Clock.systemUTC(), System.err));
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode result = Invoker.JSON.readTree(text);

        assertThat(result.path("status").asText()).as(label + ": " + text).isEqualTo("rejected");
        String reason = result.path("reason").asText();
        assertThat(reason).as(label).isNotBlank().hasSizeLessThanOrEqualTo(320)
            .doesNotContain("\n", "\r", "\u2028", "\u202e", "\tat ", "Exception")
            .doesNotStartWith("event could not be decoded");
        assertThat(reason.chars().noneMatch(Character::isISOControl)).as(label + ": " + reason).isTrue();
        assertThat(text).as(label).doesNotContain("\tat ", "at dev.endpointguard", "at com.fasterxml");
        assertThat(result.path("findings")).as(label).isEmpty();
        counts.merge(handler.getKey().logicalId(), 1, Integer::sum);
      }
    }

    assertThat(invoker.counter.writes()).isEmpty();
    assertThat(invoker.counter.calls()).isEmpty();
    assertThat(Ec2State.capture(clients.ec2())).isEqualTo(before);
    System.out.println("hostile events rejected per handler: " + counts);
    assertThat(counts).hasSize(4).allSatisfy((f, n) -> assertThat(n).isGreaterThanOrEqualTo(PER_HANDLER));
  }

  static Map<Functions, Map<String, byte[]>> corpus(EventEstate estate) {
    Map<Functions, Map<String, byte[]>> corpus = new java.util.EnumMap<>(Functions.class);
    corpus.put(Functions.CHANGE_EVENT, changeEvents(estate));
    corpus.put(Functions.CONFIG_RULE, configRuleEvents(estate));
    corpus.put(Functions.COMPLIANCE_REMEDIATION, complianceEvents(estate));
    corpus.put(Functions.SWEEP, sweepEvents(estate));
    return corpus;
  }

  private static Map<String, byte[]> changeEvents(EventEstate estate) {
    String request = "detail/requestParameters/ModifyVpcEndpointRequest";
    Map<String, byte[]> endpointEvents = new HostileEvents(estate.event("cloudtrail-modify-vpc-endpoint-add-subnet.json")).generic().envelope()
        .mutate("unknown event name", e -> at(e, "detail").put("eventName", "DeleteEverything"))
        .mutate("event name is null", e -> at(e, "detail").putNull("eventName"))
        .mutate("event name with a NUL", e -> at(e, "detail").put("eventName", "ModifyVpcEndpoint\u0000"))
        .mutate("event source is S3", e -> at(e, "detail").put("eventSource", "s3.amazonaws.com"))
        .mutate("recipient in another account", e -> at(e, "detail").put("recipientAccountId", "999988887777"))
        .mutate("call made in another region", e -> at(e, "detail").put("awsRegion", "ap-south-2"))
        .mutate("eventTime is not a time", e -> at(e, "detail").put("eventTime", "2025-13-45T99:00:00Z"))
        .mutate("userIdentity is an array", e -> at(e, "detail").set("userIdentity",
            Invoker.JSON.createArrayNode()))
        .mutate("requestParameters is a string", e -> at(e, "detail").put("requestParameters", "vpce-0a1b2c3d"))
        .mutate("endpoint id of 3 hex", e -> at(e, request).put("VpcEndpointId", "vpce-123"))
        .mutate("endpoint id of 9 hex", e -> at(e, request).put("VpcEndpointId", "vpce-0a1b2c3d4"))
        .mutate("endpoint id of 18 hex", e -> at(e, request).put("VpcEndpointId", "vpce-0a1b2c3d4e5f601011"))
        .mutate("endpoint id in upper case", e -> at(e, request).put("VpcEndpointId", "VPCE-0A1B2C3D4E5F60101"))
        .mutate("endpoint id with a full-width digit", e -> at(e, request).put("VpcEndpointId",
            "vpce-0a1b2c3d4e5f6010\uff11"))
        .mutate("endpoint id with a trailing space", e -> at(e, request).put("VpcEndpointId",
            estate.id(EventEstate.ONE_AZ) + " "))
        .mutate("endpoint id is a number", e -> at(e, request).put("VpcEndpointId", 42))
        .mutate("endpoint id is an object", e -> at(e, request).set("VpcEndpointId",
            Invoker.JSON.createObjectNode().put("content", "vpce-zzzzzzzz")))
        .mutate("10,000 subnet ids", e -> at(e, request).set("AddSubnetId", ids("subnet", 10_000)))
        .mutate("subnet id of another kind", e -> at(e, request).put("AddSubnetId", "sg-0a1b2c3d4e5f60201"))
        .events();
    Map<String, byte[]> all = new java.util.LinkedHashMap<>(endpointEvents);
    all.putAll(endpointServiceEvents(estate));
    return all;
  }

  /** Issue 12: the endpoint service calls, with service ids and principal lists no real request has. */
  private static Map<String, byte[]> endpointServiceEvents(EventEstate estate) {
    String permissions = "detail/requestParameters/ModifyVpcEndpointServicePermissionsRequest";
    String created = "detail/responseElements/CreateVpcEndpointServiceConfigurationResponse/serviceConfiguration";
    Map<String, byte[]> events = new java.util.LinkedHashMap<>(new HostileEvents(
        estate.event("cloudtrail-modify-vpc-endpoint-service-permissions-everyone.json"))
        .mutate("service id of 7 hex", e -> at(e, permissions).put("ServiceId", "vpce-svc-0a1b2c3"))
        .mutate("service id of 18 hex", e -> at(e, permissions).put("ServiceId", "vpce-svc-0a1b2c3d4e5f603011"))
        .mutate("service id of an endpoint", e -> at(e, permissions).put("ServiceId", "vpce-0a1b2c3d4e5f60101"))
        .mutate("service id missing", e -> at(e, permissions).remove("ServiceId"))
        .mutate("10,000 principals", e -> at(e, permissions).set("AddAllowedPrincipals", ids("arn:aws:iam::", 10_000)))
        .events());
    events.putAll(new HostileEvents(estate.event("cloudtrail-create-vpc-endpoint-service-configuration.json"))
        .mutate("new service without an id", e -> at(e, created).remove("serviceId"))
        .mutate("new service id is a number", e -> at(e, created).put("serviceId", 7))
        .events());
    return events;
  }

  private static Map<String, byte[]> configRuleEvents(EventEstate estate) {
    return new HostileEvents(estate.event("config-rule-change-vpc-endpoint.json")).generic()
        .mutate("without invokingEvent", e -> e.remove("invokingEvent"))
        .mutate("invokingEvent is not JSON", e -> e.put("invokingEvent", "{configurationItem: oops"))
        .mutate("invokingEvent is an array", e -> e.put("invokingEvent", "[]"))
        .mutate("invokingEvent is an object, not a string", e -> e.set("invokingEvent",
            Invoker.JSON.createObjectNode()))
        .mutate("invokingEvent is empty", e -> e.put("invokingEvent", ""))
        .mutate("invokingEvent nested 10,000 deep", e -> e.put("invokingEvent",
            "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"))
        .mutate("invokingEvent with duplicate keys", e -> e.put("invokingEvent",
            e.get("invokingEvent").asText().replaceFirst("\\{", "{\"messageType\":\"ScheduledNotification\",")))
        .mutate("unknown message type", e -> inDocument(e, "invokingEvent", i -> i.put("messageType", "Gossip")))
        .mutate("item for another account", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("awsAccountId", "999988887777")))
        .mutate("item in another region", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("awsRegion", "eu-central-1")))
        .mutate("item of an unknown resource type", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("resourceType", "AWS::S3::Bucket")))
        .mutate("item id not an endpoint id", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("resourceId", "vpce-xyz")))
        .mutate("item id with a control character", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("resourceId", "vpce-0a1b2c3d\u0007")))
        .mutate("item capture time is not a time", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem").put("configurationItemCaptureTime", "soon")))
        .mutate("item without configurationItem", e -> inDocument(e, "invokingEvent",
            i -> i.remove("configurationItem")))
        .mutate("recorded configuration with 10,000 subnet ids", e -> inDocument(e, "invokingEvent",
            i -> at(i, "configurationItem/configuration").set("subnetIds", ids("subnet", 10_000))))
        .mutate("unknown rule id in ruleParameters", e -> e.put("ruleParameters", "{\"rule\":\"delete-all\"}"))
        .mutate("rule id in ruleParameters is an object", e -> e.put("ruleParameters", "{\"rule\":{\"id\":1}}"))
        .mutate("ruleParameters is not JSON", e -> e.put("ruleParameters", "rule=single-az-endpoint"))
        .mutate("ruleParameters with a control character", e -> e.put("ruleParameters",
            "{\"rule\":\"single-az-endpoint\\u0000\"}"))
        .mutate("ruleParameters with 60 entries", e -> {
          StringBuilder many = new StringBuilder("{\"rule\":\"single-az-endpoint\"");
          for (int p = 0; p < 60; p++) {
            many.append(",\"p").append(p).append("\":\"v\"");
          }
          e.put("ruleParameters", many.append('}').toString());
        })
        .mutate("no rule named anywhere", e -> {
          e.remove("ruleParameters");
          e.put("configRuleName", "someone-elses-rule");
        })
        .mutate("without configRuleName", e -> e.remove("configRuleName"))
        .mutate("without resultToken", e -> e.remove("resultToken"))
        .mutate("configRuleArn is not an ARN", e -> e.put("configRuleArn", "config-rule-1585d4"))
        .mutate("configRuleArn in another region", e -> e.put("configRuleArn",
            "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-1585d4"))
        .mutate("another account", e -> e.put("accountId", "999988887777"))
        .mutate("account is a number", e -> e.put("accountId", 123456789012L))
        .mutate("eventLeftScope is a string", e -> e.put("eventLeftScope", "maybe"))
        .events();
  }

  private static Map<String, byte[]> complianceEvents(EventEstate estate) {
    String qualifier = "detail/newEvaluationResult/evaluationResultIdentifier/evaluationResultQualifier";
    return new HostileEvents(estate.event("compliance-change-non-compliant.json")).generic().envelope()
        .mutate("annotation over 256 KB", e -> at(e, "detail/newEvaluationResult").put("annotation",
            "A".repeat(300 * 1024)))
        .mutate("without newEvaluationResult", e -> at(e, "detail").remove("newEvaluationResult"))
        .mutate("newEvaluationResult is a string", e -> at(e, "detail").put("newEvaluationResult", "NON_COMPLIANT"))
        .mutate("complianceType is a number", e -> at(e, "detail/newEvaluationResult").put("complianceType", 1))
        .mutate("resource id not an endpoint id", e -> {
          at(e, "detail").put("resourceId", "vpce-0a1b2c3d4e5f6010");
          at(e, qualifier).put("resourceId", "vpce-0a1b2c3d4e5f6010");
        })
        .mutate("resource id of a VPC for an endpoint rule", e -> at(e, "detail").put("resourceId",
            estate.id(EventEstate.VPC)))
        .mutate("resource id with unicode", e -> at(e, "detail").put("resourceId", "vpce-0a1b2c3d4e5f6010\u00e9"))
        .mutate("unknown resource type", e -> {
          at(e, "detail").put("resourceType", "AWS::S3::Bucket");
          at(e, qualifier).put("resourceType", "AWS::S3::Bucket");
        })
        .mutate("without resource id", e -> {
          at(e, "detail").remove("resourceId");
          at(e, qualifier).remove("resourceId");
        })
        .mutate("detail for another account", e -> at(e, "detail").put("awsAccountId", "999988887777"))
        .mutate("detail in another region", e -> at(e, "detail").put("awsRegion", "sa-east-1"))
        .mutate("configRuleName is an array", e -> at(e, "detail").set("configRuleName",
            Invoker.JSON.createArrayNode().add("endpoint-guard-single-az-endpoint")))
        .mutate("rule for VPCs, resource an endpoint", e -> at(e, "detail").put("configRuleName",
            "endpoint-guard-vpc-dns-disabled"))
        .events();
  }

  private static Map<String, byte[]> sweepEvents(EventEstate estate) {
    return new HostileEvents(estate.event("schedule-sweep.json")).generic().envelope()
        .mutate("scheduled event from EC2", e -> e.put("source", "aws.ec2"))
        .mutate("a CloudTrail event", e -> e.put("detail-type", "AWS API Call via CloudTrail"))
        .mutate("time is a number", e -> e.put("time", 1741089600))
        .events();
  }
}
