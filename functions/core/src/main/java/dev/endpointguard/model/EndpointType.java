package dev.endpointguard.model;

import java.util.Locale;

/** The VPC endpoint types AWS reports; unknown future values map to {@link #OTHER} instead of failing. */
public enum EndpointType {
  INTERFACE("Interface"),
  GATEWAY("Gateway"),
  GATEWAY_LOAD_BALANCER("GatewayLoadBalancer"),
  OTHER("Other");

  private final String awsName;

  EndpointType(String awsName) {
    this.awsName = awsName;
  }

  public String awsName() {
    return awsName;
  }

  public static EndpointType fromAws(String value) {
    if (value == null) {
      return OTHER;
    }
    for (EndpointType t : values()) {
      if (t.awsName.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    return OTHER;
  }
}
