package dev.endpointguard.inventory;

import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointServiceSnapshot.AllowedPrincipal;
import dev.endpointguard.model.ResourceIdFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;

/**
 * The endpoint services this account offers: DescribeVpcEndpointServiceConfigurations (paged, up to 1,000 a page),
 * then DescribeVpcEndpointServicePermissions once per service (the API takes one service id), paged. A permissions
 * read that fails is a problem of that service only: its snapshot says the principals are unknown.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServiceConfigurations.html ·
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServicePermissions.html
 */
final class EndpointServiceReader {
  /** MaxResults 5..1000 for both calls. */
  static final int PAGE_SIZE = 1000;
  static final String NOT_FOUND = "InvalidVpcEndpointServiceId.NotFound";
  /** The resource a problem names when the service listing itself failed. */
  static final String EVERY_SERVICE = "(endpoint services)";

  private final Ec2Client ec2;
  private final String region;

  EndpointServiceReader(Ec2Client ec2, String region) {
    this.ec2 = ec2;
    this.region = region;
  }

  /**
   * Every endpoint service of the account in the Region, with its allowed principals. A listing refused for good
   * (AccessDenied: a role without the permission) leaves the services out and says so, so the endpoints of the same
   * run are still evaluated; an error a retry can fix escapes, for the caller to retry.
   */
  List<EndpointServiceSnapshot> all(Consumer<InventoryProblem> problems) {
    Map<String, ServiceConfiguration> found;
    try {
      found = configurations(DescribeVpcEndpointServiceConfigurationsRequest.builder().maxResults(PAGE_SIZE).build(),
          problems);
    } catch (SdkException e) {
      if (AwsErrors.retryable(e)) {
        throw e;
      }
      problems.accept(new InventoryProblem(EVERY_SERVICE, "could not list the account's endpoint services ("
          + AwsErrors.describe(e) + ")"));
      return List.of();
    }
    return withPrincipals(found, problems);
  }

  /**
   * These services. AWS fails the whole call when one id does not exist; then the account's list is read once and
   * the missing ids are reported.
   */
  List<EndpointServiceSnapshot> byIds(List<String> serviceIds, Consumer<InventoryProblem> problems) {
    Map<String, ServiceConfiguration> found = new LinkedHashMap<>();
    try {
      found.putAll(configurations(DescribeVpcEndpointServiceConfigurationsRequest.builder().serviceIds(serviceIds)
          .build(), problems));
    } catch (Ec2Exception e) {
      if (!NOT_FOUND.equals(AwsErrors.code(e))) {
        throw e;
      }
      found.putAll(configurations(
          DescribeVpcEndpointServiceConfigurationsRequest.builder().maxResults(PAGE_SIZE).build(), problems));
    }
    for (String id : serviceIds) {
      if (!found.containsKey(id)) {
        problems.accept(new InventoryProblem(id, "no such VPC endpoint service of this account in this region"));
      }
    }
    Map<String, ServiceConfiguration> named = new LinkedHashMap<>();
    serviceIds.stream().filter(found::containsKey).forEach(id -> named.put(id, found.get(id)));
    return withPrincipals(named, problems);
  }

  private Map<String, ServiceConfiguration> configurations(DescribeVpcEndpointServiceConfigurationsRequest request,
                                                           Consumer<InventoryProblem> problems) {
    Map<String, ServiceConfiguration> found = new LinkedHashMap<>();
    ec2.describeVpcEndpointServiceConfigurationsPaginator(request).serviceConfigurations().forEach(c -> {
      if (ResourceIdFormat.VPC_ENDPOINT_SERVICE.matches(c.serviceId()) && c.serviceName() != null) {
        found.put(c.serviceId(), c);
      } else {
        problems.accept(new InventoryProblem(c.serviceId() == null ? "(unknown endpoint service)" : c.serviceId(),
            "DescribeVpcEndpointServiceConfigurations returned a service without a valid id or name"));
      }
    });
    return found;
  }

  private List<EndpointServiceSnapshot> withPrincipals(Map<String, ServiceConfiguration> configurations,
                                                       Consumer<InventoryProblem> problems) {
    List<EndpointServiceSnapshot> snapshots = new ArrayList<>();
    for (ServiceConfiguration c : configurations.values()) {
      List<AllowedPrincipal> principals = new ArrayList<>();
      Optional<String> unreadable = Optional.empty();
      try {
        ec2.describeVpcEndpointServicePermissionsPaginator(b -> b.serviceId(c.serviceId()).maxResults(PAGE_SIZE))
            .allowedPrincipals().forEach(p -> {
              if (p.principal() != null) {
                principals.add(new AllowedPrincipal(p.principal(), Optional.ofNullable(p.principalTypeAsString())));
              }
            });
      } catch (SdkException e) {
        principals.clear();
        unreadable = Optional.of("DescribeVpcEndpointServicePermissions failed: " + AwsErrors.describe(e));
        problems.accept(InventoryProblem.incomplete(c.serviceId(), "could not read the principals allowed to"
            + " connect (" + AwsErrors.describe(e) + ")"));
      }
      snapshots.add(new EndpointServiceSnapshot(c.serviceId(), c.serviceName(), region,
          c.serviceStateAsString() == null ? "unknown" : c.serviceStateAsString(),
          Boolean.TRUE.equals(c.acceptanceRequired()), Boolean.TRUE.equals(c.managesVpcEndpoints()),
          Ec2Tags.toMap(c.tags()), principals, unreadable));
    }
    return snapshots;
  }
}
