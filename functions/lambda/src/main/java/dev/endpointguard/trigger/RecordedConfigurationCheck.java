package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the recorded configuration of an {@code AWS::EC2::VPCEndpoint} item, whose {@code state} comes as
 * {@code {"value":...}} or a plain string and whose {@code policyDocument} is a JSON string. Nothing is kept (the
 * resource is re-read), but a malformed configuration still marks a malformed event.
 * https://docs.aws.amazon.com/config/latest/developerguide/resource-config-reference.html
 */
final class RecordedConfigurationCheck {

  private RecordedConfigurationCheck() {
  }

  static void check(JsonNode configuration, String path) {
    JsonNode stateNode = configuration.get("state");
    if (stateNode != null && stateNode.isObject()) {
      EventFields.optionalText(stateNode, "value", path + ".state.value");
    } else {
      EventFields.optionalText(configuration, "state", path + ".state");
    }
    EventFields.optionalText(configuration, "vpcId", path + ".vpcId")
        .ifPresent(id -> IdFormat.VPC.check(id, path + ".vpcId"));
    EventFields.optionalText(configuration, "vpcEndpointType", path + ".vpcEndpointType");
    EventFields.optionalBoolean(configuration, "privateDnsEnabled", path + ".privateDnsEnabled");
    EventFields.optionalDocument(configuration, "policyDocument", path + ".policyDocument");
    IdFormat.SUBNET.checkAll(Ec2Encoding.strings(configuration.get("subnetIds"), null, path + ".subnetIds"),
        path + ".subnetIds");
  }
}
