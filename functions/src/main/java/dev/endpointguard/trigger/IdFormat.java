package dev.endpointguard.trigger;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The EC2 resource id formats events carry: a prefix and 8 (older) or 17 (current) lowercase hex digits.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html
 */
enum IdFormat {
  VPC_ENDPOINT("vpce", "VPC endpoint"),
  VPC("vpc", "VPC"),
  SECURITY_GROUP("sg", "security group"),
  SUBNET("subnet", "subnet");

  // More ids than any legitimate request names: an endpoint has one subnet per AZ and at most 5 groups.
  static final int MAX_IDS = 100;

  private final Pattern pattern;
  private final String noun;

  IdFormat(String prefix, String noun) {
    this.pattern = Pattern.compile(prefix + "-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    this.noun = noun;
  }

  String check(String id, String path) {
    if (!pattern.matcher(id).matches()) {
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
