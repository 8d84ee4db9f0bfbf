package dev.endpointguard.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the recorded configuration of an {@code AWS::EC2::VPCEndpoint} item, whose {@code state} comes as
 * {@code {"value":...}} or a plain string and whose {@code policyDocument} is a JSON string.
 * https://docs.aws.amazon.com/config/latest/developerguide/resource-config-reference.html
 */
final class RecordedConfigurationReader {

  private RecordedConfigurationReader() {
  }

  static RecordedConfiguration read(JsonNode configuration, String path) {
    JsonNode stateNode = configuration.get("state");
    Optional<String> state;
    if (stateNode != null && stateNode.isObject()) {
      state = EventFields.optionalText(stateNode, "value", path + ".state.value");
    } else {
      state = EventFields.optionalText(configuration, "state", path + ".state");
    }
    return new RecordedConfiguration(
        EventFields.optionalText(configuration, "vpcId", path + ".vpcId")
            .map(id -> IdFormat.VPC.check(id, path + ".vpcId")),
        EventFields.optionalText(configuration, "vpcEndpointType", path + ".vpcEndpointType"),
        state,
        EventFields.optionalBoolean(configuration, "privateDnsEnabled", path + ".privateDnsEnabled"),
        EventFields.optionalDocument(configuration, "policyDocument", path + ".policyDocument"),
        IdFormat.SUBNET.checkAll(Ec2Encoding.strings(configuration.get("subnetIds"), null, path + ".subnetIds"),
            path + ".subnetIds"));
  }
}
