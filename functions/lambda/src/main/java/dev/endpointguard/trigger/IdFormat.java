package dev.endpointguard.trigger;

import dev.endpointguard.model.ResourceIdFormat;
import java.util.List;

/** The EC2 resource id formats events carry ({@link ResourceIdFormat}), checked with an event's error wording. */
enum IdFormat {
  VPC_ENDPOINT(ResourceIdFormat.VPC_ENDPOINT),
  VPC(ResourceIdFormat.VPC),
  SECURITY_GROUP(ResourceIdFormat.SECURITY_GROUP),
  SUBNET(ResourceIdFormat.SUBNET),
  VPC_ENDPOINT_SERVICE(ResourceIdFormat.VPC_ENDPOINT_SERVICE);

  // More ids than any legitimate request names: an endpoint has one subnet per AZ and at most 5 groups.
  static final int MAX_IDS = 100;

  private final ResourceIdFormat format;
  private final String noun;

  IdFormat(ResourceIdFormat format) {
    this.format = format;
    this.noun = format.label();
  }

  String check(String id, String path) {
    if (!format.matches(id)) {
      throw new BadEvent(path + " is not a " + noun + " id: " + OneLine.quote(id));
    }
    return id;
  }

  List<String> checkAll(List<String> ids, String path) {
    if (ids.size() > MAX_IDS) {
      throw new BadEvent(path + " names too many " + noun + " ids (" + ids.size() + " > " + MAX_IDS + ")");
    }
    ids.forEach(id -> check(id, path));
    return List.copyOf(ids.stream().distinct().toList());
  }
}
