package dev.endpointguard.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.rules.RuleId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The events the demo sends, shaped as AWS sends them (see events/ for the captured shapes). */
final class DemoEvents {
  private DemoEvents() {
  }

  /** EventBridge "AWS API Call via CloudTrail" for a CreateVpcEndpoint call (nested request, XML-style response). */
  static byte[] createVpcEndpoint(String account, String region, String endpointId, String vpcId, String serviceName,
                                  String subnetId, String groupId, Instant when) {
    ObjectNode e = ReportJson.MAPPER.createObjectNode();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", "AWS API Call via CloudTrail");
    e.put("source", "aws.ec2");
    e.put("account", account);
    e.put("time", when.toString());
    e.put("region", region);
    e.putArray("resources");
    ObjectNode d = e.putObject("detail");
    d.put("eventVersion", "1.10");
    ObjectNode user = d.putObject("userIdentity");
    user.put("type", "AssumedRole");
    user.put("arn", "arn:aws:sts::" + account + ":assumed-role/PlatformEngineer/alex");
    user.put("accountId", account);
    user.putObject("sessionContext").putObject("sessionIssuer").put("type", "Role")
        .put("arn", "arn:aws:iam::" + account + ":role/PlatformEngineer").put("accountId", account);
    d.put("eventTime", when.toString());
    d.put("eventSource", "ec2.amazonaws.com");
    d.put("eventName", "CreateVpcEndpoint");
    d.put("awsRegion", region);
    d.put("sourceIPAddress", "198.51.100.24");
    d.put("userAgent", "aws-cli/2.22.0");
    ObjectNode req = d.putObject("requestParameters").putObject("CreateVpcEndpointRequest");
    req.put("VpcId", vpcId);
    req.put("VpcEndpointType", "Interface");
    req.put("ServiceName", serviceName);
    req.putObject("SecurityGroupId").put("content", groupId).put("tag", 1);
    req.put("PrivateDnsEnabled", false);
    req.putObject("SubnetId").put("content", subnetId).put("tag", 1);
    ObjectNode ep = d.putObject("responseElements").putObject("CreateVpcEndpointResponse").putObject("vpcEndpoint");
    ep.put("vpcEndpointId", endpointId);
    ep.put("vpcEndpointType", "Interface");
    ep.put("vpcId", vpcId);
    ep.put("serviceName", serviceName);
    ep.put("state", "pending");
    ep.putObject("subnetIdSet").put("item", subnetId);
    ep.put("privateDnsEnabled", false);
    d.put("requestID", UUID.randomUUID().toString());
    d.put("eventID", UUID.randomUUID().toString());
    d.put("readOnly", false);
    d.put("eventType", "AwsApiCall");
    d.put("managementEvent", true);
    d.put("recipientAccountId", account);
    d.put("eventCategory", "Management");
    return bytes(e);
  }

  /** An AWS Config custom-rule invocation: the periodic evaluation of every resource in scope. */
  static byte[] configScheduled(String account, String region, RuleId rule, Instant when) {
    ObjectNode invoking = ReportJson.MAPPER.createObjectNode();
    invoking.put("awsAccountId", account);
    invoking.put("notificationCreationTime", when.toString());
    invoking.put("messageType", "ScheduledNotification");
    invoking.put("recordVersion", "1.0");
    ObjectNode e = ReportJson.MAPPER.createObjectNode();
    e.put("invokingEvent", invoking.toString());
    e.put("ruleParameters", "{\"rule\":\"" + rule.id() + "\"}");
    e.put("resultToken", "demo-" + UUID.randomUUID());
    e.put("eventLeftScope", false);
    e.put("executionRoleArn", "arn:aws:iam::" + account + ":role/config-recorder");
    e.put("configRuleArn", "arn:aws:config:" + region + ":" + account + ":config-rule/config-rule-" + rule.ordinal());
    e.put("configRuleName", "endpoint-guard-" + rule.id());
    e.put("configRuleId", "config-rule-" + rule.ordinal());
    e.put("accountId", account);
    e.put("version", "1.0");
    return bytes(e);
  }

  /** The EventBridge scheduled event that starts a sweep. */
  static byte[] schedule(String account, String region, Instant when) {
    ObjectNode e = ReportJson.MAPPER.createObjectNode();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", "Scheduled Event");
    e.put("source", "aws.events");
    e.put("account", account);
    e.put("time", when.toString());
    e.put("region", region);
    e.putArray("resources").add("arn:aws:events:" + region + ":" + account + ":rule/endpoint-guard-sweep");
    e.putObject("detail");
    return bytes(e);
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
