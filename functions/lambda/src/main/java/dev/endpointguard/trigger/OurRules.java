package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Recognises our Config rules and the resource types they evaluate. */
final class OurRules {

  private OurRules() {
  }

  /** Our Config rule names end with the rule id, e.g. {@code endpoint-guard-single-az-endpoint}. */
  static Optional<RuleId> fromConfigRuleName(String configRuleName) {
    return Arrays.stream(RuleId.values())
        .filter(r -> configRuleName.equals(r.id()) || configRuleName.endsWith("-" + r.id()))
        .findFirst();
  }

  static ResourceType resourceType(String configName, String path) {
    return Arrays.stream(ResourceType.values()).filter(t -> t.configName().equals(configName)).findFirst()
        .orElseThrow(() -> new BadEvent(path + " " + OneLine.quote(configName) + " is not evaluated by these rules; "
            + "valid: " + Arrays.stream(ResourceType.values()).map(ResourceType::configName)
            .collect(Collectors.joining(", "))));
  }

  static String resourceId(ResourceType type, String id, String path) {
    IdFormat format = switch (type) {
      case VPC -> IdFormat.VPC;
      case VPC_ENDPOINT -> IdFormat.VPC_ENDPOINT;
      case VPC_ENDPOINT_SERVICE -> IdFormat.VPC_ENDPOINT_SERVICE;
    };
    return format.check(id, path);
  }

  /** What to re-read for one resource Config names. */
  static Targets targets(ResourceType type, String id) {
    return switch (type) {
      case VPC -> Targets.vpcs(List.of(id));
      case VPC_ENDPOINT -> Targets.endpoints(List.of(id));
      case VPC_ENDPOINT_SERVICE -> Targets.endpointServices(List.of(id));
    };
  }
}
