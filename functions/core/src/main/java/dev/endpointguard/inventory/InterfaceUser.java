package dev.endpointguard.inventory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/** Describes, for people, a network interface that uses a security group and is not a VPC endpoint's own. */
final class InterfaceUser {
  /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html (InterfaceType) */
  static final String ENDPOINT_INTERFACE_TYPE = "vpc_endpoint";
  static final String ENDPOINT_DESCRIPTION = "VPC Endpoint Interface";

  private InterfaceUser() {
  }

  /**
   * Empty for an endpoint's interface (by type, by the endpoints' own interface ids, or requester-managed with the
   * endpoint description); otherwise {@code eni-… (instance i-…)}, {@code eni-… (lambda)} or {@code eni-… (description)}.
   */
  static Optional<String> describe(NetworkInterface eni, Set<String> endpointInterfaceIds) {
    String id = eni.networkInterfaceId() == null ? "(unknown interface)" : eni.networkInterfaceId();
    String type = eni.interfaceTypeAsString() == null ? "" : eni.interfaceTypeAsString();
    String description = eni.description() == null ? "" : eni.description();
    boolean endpointOwned = ENDPOINT_INTERFACE_TYPE.equals(type) || endpointInterfaceIds.contains(id)
        || (Boolean.TRUE.equals(eni.requesterManaged()) && description.startsWith(ENDPOINT_DESCRIPTION));
    if (endpointOwned) {
      return Optional.empty();
    }
    if (eni.attachment() != null && eni.attachment().instanceId() != null) {
      return Optional.of(id + " (instance " + eni.attachment().instanceId() + ")");
    }
    if ("lambda".equals(type) || description.toLowerCase(Locale.ROOT).startsWith("aws lambda vpc eni")) {
      return Optional.of(id + " (lambda)");
    }
    if (!description.isBlank()) {
      return Optional.of(id + " (" + description + ")");
    }
    return Optional.of(id + " (" + (type.isBlank() ? "network interface" : type) + ")");
  }
}
