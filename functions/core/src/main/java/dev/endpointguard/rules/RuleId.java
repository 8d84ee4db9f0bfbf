package dev.endpointguard.rules;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The stable rule ids: used in alerts, Config rule names, exemption tags and CLI flags. */
public enum RuleId {
  SINGLE_AZ_ENDPOINT("single-az-endpoint"),
  PRIVATE_DNS_DISABLED("private-dns-disabled"),
  VPC_DNS_DISABLED("vpc-dns-disabled"),
  BROAD_ENDPOINT_POLICY("broad-endpoint-policy"),
  BROAD_ENDPOINT_SECURITY_GROUP("broad-endpoint-security-group"),
  BROAD_ENDPOINT_SERVICE_PERMISSIONS("broad-endpoint-service-permissions");

  private final String id;

  RuleId(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  public static Optional<RuleId> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.trim();
    return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
  }

  public static String validIds() {
    return Arrays.stream(values()).map(RuleId::id).collect(Collectors.joining(", "));
  }
}
