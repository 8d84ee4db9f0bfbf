package dev.endpointguard.inventory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;

/** DescribeVpcEndpoints, batched: by ids, by VPC filter, or everything; one page holds up to 1,000 endpoints. */
final class EndpointReader {
  /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html (MaxResults 5..1000) */
  static final int PAGE_SIZE = 1000;
  static final String NOT_FOUND = "InvalidVpcEndpointId.NotFound";

  private final Ec2Client ec2;

  EndpointReader(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  /** Every endpoint in the region, keyed by id, in AWS's order. */
  Map<String, RawEndpoint> all(Consumer<InventoryProblem> problems) {
    return read(DescribeVpcEndpointsRequest.builder().maxResults(PAGE_SIZE).build(), problems);
  }

  /** Every endpoint in these VPCs. */
  Map<String, RawEndpoint> inVpcs(Collection<String> vpcIds, Consumer<InventoryProblem> problems) {
    Map<String, RawEndpoint> found = new LinkedHashMap<>();
    for (List<String> batch : Batches.of(Set.copyOf(vpcIds), Batches.FILTER_VALUES)) {
      found.putAll(read(DescribeVpcEndpointsRequest.builder().maxResults(PAGE_SIZE)
          .filters(Filter.builder().name("vpc-id").values(batch).build()).build(), problems));
    }
    return found;
  }

  /**
   * These endpoints. AWS fails the whole call when one id does not exist; then the region's list is read once
   * and the missing ids are reported, so the cost stays bounded by pages whatever the number of missing ids.
   */
  Map<String, RawEndpoint> byIds(List<String> ids, Consumer<InventoryProblem> problems) {
    Map<String, RawEndpoint> found = new LinkedHashMap<>();
    try {
      for (List<String> batch : Batches.of(ids, PAGE_SIZE)) {
        found.putAll(read(DescribeVpcEndpointsRequest.builder().vpcEndpointIds(batch).build(), problems));
      }
    } catch (Ec2Exception e) {
      if (!NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
      found.clear();
      Map<String, RawEndpoint> everything = all(problems);
      ids.stream().filter(everything::containsKey).forEach(id -> found.put(id, everything.get(id)));
    }
    for (String id : ids) {
      if (!found.containsKey(id)) {
        problems.accept(new InventoryProblem(id, "no such VPC endpoint in this account and region"));
      }
    }
    return found;
  }

  private Map<String, RawEndpoint> read(DescribeVpcEndpointsRequest request, Consumer<InventoryProblem> problems) {
    Map<String, RawEndpoint> found = new LinkedHashMap<>();
    ec2.describeVpcEndpointsPaginator(request).vpcEndpoints()
        .forEach(e -> RawEndpoint.from(e, problems).ifPresent(raw -> found.put(raw.endpointId(), raw)));
    return found;
  }
}
