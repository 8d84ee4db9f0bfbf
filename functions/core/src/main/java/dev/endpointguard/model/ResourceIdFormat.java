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
  SUBNET("subnet", "subnet"),
  /**
   * An endpoint service, {@code vpce-svc-} and 17 hex digits at AWS (the local AWS makes 8, so 8 to 17 are
   * accepted). https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ServiceConfiguration.html
   */
  VPC_ENDPOINT_SERVICE("vpce-svc", "VPC endpoint service", "[0-9a-f]{8,17}", "8 to 17");

  private final String prefix;
  private final String label;
  private final Pattern pattern;
  private final String digits;

  ResourceIdFormat(String prefix, String label) {
    this(prefix, label, "(?:[0-9a-f]{8}|[0-9a-f]{17})", "8 or 17");
  }

  ResourceIdFormat(String prefix, String label, String digitsPattern, String digits) {
    this.prefix = prefix;
    this.label = label;
    this.pattern = Pattern.compile(prefix + "-" + digitsPattern);
    this.digits = digits;
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
          + "- followed by " + digits + " lower-case hex digits, e.g. " + prefix + "-0123456789abcdef0)");
    }
    return id;
  }
}
