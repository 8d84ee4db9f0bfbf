package dev.endpointguard.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A VPC endpoint's state as DescribeVpcEndpoints reports it: the values AWS documents as constants, and any value AWS
 * adds later kept as it came (an open set, so a new state never fails a scan). Compared case-insensitively.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html (State: PendingAcceptance | Pending |
 * Available | Deleting | Deleted | Rejected | Failed | Expired | Partial)
 *
 * @param value the state in lower case ({@code available}, {@code pendingacceptance}, …), {@code unknown} when AWS
 *              gave none
 */
public record EndpointState(String value) {
  public static final EndpointState PENDING_ACCEPTANCE = new EndpointState("pendingacceptance");
  public static final EndpointState PENDING = new EndpointState("pending");
  public static final EndpointState AVAILABLE = new EndpointState("available");
  public static final EndpointState DELETING = new EndpointState("deleting");
  public static final EndpointState DELETED = new EndpointState("deleted");
  public static final EndpointState REJECTED = new EndpointState("rejected");
  public static final EndpointState FAILED = new EndpointState("failed");
  public static final EndpointState EXPIRED = new EndpointState("expired");
  public static final EndpointState PARTIAL = new EndpointState("partial");
  public static final EndpointState UNKNOWN = new EndpointState("unknown");

  public EndpointState {
    Objects.requireNonNull(value, "value");
    value = value.isBlank() ? "unknown" : value.toLowerCase(Locale.ROOT);
  }

  /** The state AWS reported ({@code null} or blank: {@link #UNKNOWN}). */
  public static EndpointState of(String aws) {
    return aws == null ? UNKNOWN : new EndpointState(aws);
  }

  /** Deleting or deleted: nothing left to judge or change. */
  public boolean gone() {
    return equals(DELETING) || equals(DELETED);
  }

  /** Available or pending (a new endpoint): the states whose AZs and DNS are worth judging. */
  public boolean live() {
    return equals(AVAILABLE) || equals(PENDING);
  }

  /**
   * Only an available endpoint can be modified.
   * https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html#concepts-vpc-endpoints
   */
  public boolean modifiable() {
    return equals(AVAILABLE);
  }

  @Override
  public String toString() {
    return value;
  }
}
