package dev.endpointguard.model;

/** Tag keys endpoint-guard reads. */
public final class Tags {
  /** {@code all} or a comma-separated list of rule ids. */
  public static final String EXEMPT = "endpoint-guard:exempt";
  /** ISO date (yyyy-MM-dd): after it the exemption no longer holds. */
  public static final String EXEMPT_UNTIL = "endpoint-guard:exempt-until";
  /** {@code true} marks a subnet as preferred for endpoint network interfaces. */
  public static final String ENDPOINT_SUBNET = "endpoint-guard:endpoint-subnet";

  private Tags() {
  }
}
