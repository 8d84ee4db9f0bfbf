package dev.endpointguard.model;

import java.util.regex.Pattern;

/**
 * EC2 resource id formats: a prefix, a dash and 8 (older resources) or 17 lower-case hex digits. Targets, events and
 * flags are all checked against these.
 * See https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html
 */
public enum ResourceIdFormat {
  VPC_ENDPOINT("vpce", "VPC endpoint"),
  VPC("vpc", "VPC"),
  SECURITY_GROUP("sg", "security group"),
  SUBNET("subnet", "subnet");

  private final String prefix;
  private final String label;
  private final Pattern pattern;

  ResourceIdFormat(String prefix, String label) {
    this.prefix = prefix;
    this.label = label;
    this.pattern = Pattern.compile(prefix + "-(?:[0-9a-f]{8}|[0-9a-f]{17})");
  }

  /** What the id names, for messages: "VPC endpoint", "subnet", ... */
  public String label() {
    return label;
  }

  public boolean matches(String id) {
    return id != null && pattern.matcher(id).matches();
  }

  /** Returns {@code id} when it is well formed; otherwise throws one clear error naming the expected form. */
  public String require(String id) {
    if (!matches(id)) {
      throw new IllegalArgumentException("not a " + label + " id: '" + id + "' (expected " + prefix
          + "- followed by 8 or 17 lower-case hex digits, e.g. " + prefix + "-0123456789abcdef0)");
    }
    return id;
  }
}
