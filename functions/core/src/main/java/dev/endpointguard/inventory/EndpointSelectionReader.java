package dev.endpointguard.inventory;

import dev.endpointguard.model.Targets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Turns targets into an {@link EndpointSelection}: at most two rounds of DescribeVpcEndpoints per kind of id named (plus
 * one DescribeSecurityGroups for group targets).
 */
final class EndpointSelectionReader {
  private final Ec2Client ec2;
  private final EndpointReader endpoints;

  EndpointSelectionReader(Ec2Client ec2) {
    this.ec2 = ec2;
    this.endpoints = new EndpointReader(ec2);
  }

  /** The endpoints the targets name (every one in the Region, or the union of those named by id, VPC and group). */
  EndpointSelection read(Targets targets, Consumer<InventoryProblem> problems) {
    if (targets.wholeRegion()) {
      Map<String, RawEndpoint> everything = endpoints.all(problems);
      return EndpointSelection.of(everything, everything);
    }
    EndpointSelection selection = new EndpointSelection(List.of(), List.of());
    if (!targets.endpointIds().isEmpty()) {
      selection = selection.and(byIds(targets.endpointIds(), problems));
    }
    if (!targets.vpcIds().isEmpty()) {
      selection = selection.and(byVpcs(targets.vpcIds(), problems));
    }
    if (!targets.securityGroupIds().isEmpty()) {
      selection = selection.and(byGroups(targets.securityGroupIds(), problems));
    }
    return selection;
  }

  private EndpointSelection byIds(List<String> ids, Consumer<InventoryProblem> problems) {
    Map<String, RawEndpoint> picked = new LinkedHashMap<>(endpoints.byIds(ids, problems));
    picked.values().removeIf(e -> {
      if (e.gone()) {
        problems.accept(new InventoryProblem(e.endpointId(), "the endpoint is " + e.state()));
      }
      return e.gone();
    });
    Set<String> vpcIds = new TreeSet<>();
    picked.values().forEach(e -> vpcIds.add(e.vpcId()));
    Map<String, RawEndpoint> siblings = vpcIds.isEmpty() ? Map.of() : endpoints.inVpcs(vpcIds, problems);
    return EndpointSelection.of(picked, siblings);
  }

  private EndpointSelection byVpcs(List<String> vpcIds, Consumer<InventoryProblem> problems) {
    Map<String, RawEndpoint> found = endpoints.inVpcs(vpcIds, problems);
    Set<String> holding = new TreeSet<>();
    found.values().stream().filter(e -> !e.gone()).forEach(e -> holding.add(e.vpcId()));
    vpcIds.stream().filter(id -> !holding.contains(id)).forEach(id -> problems.accept(
        new InventoryProblem(id, "no VPC endpoints found in this VPC (or no such VPC)")));
    return EndpointSelection.of(found, found);
  }

  private EndpointSelection byGroups(List<String> groupIds, Consumer<InventoryProblem> problems) {
    // DescribeVpcEndpoints cannot filter by group: find the groups' VPCs, read their endpoints, keep the users.
    Map<String, String> vpcOfGroup = new TreeMap<>();
    for (List<String> batch : Batches.of(groupIds, Batches.FILTER_VALUES)) {
      ec2.describeSecurityGroupsPaginator(b -> b.filters(Filter.builder().name("group-id").values(batch).build()))
          .securityGroups().forEach(g -> {
            if (g.groupId() != null && g.vpcId() != null) {
              vpcOfGroup.put(g.groupId(), g.vpcId());
            }
          });
    }
    groupIds.stream().filter(id -> !vpcOfGroup.containsKey(id)).forEach(id -> problems.accept(
        new InventoryProblem(id, "no such security group in a VPC of this account and region")));
    if (vpcOfGroup.isEmpty()) {
      return new EndpointSelection(List.of(), List.of());
    }
    Map<String, RawEndpoint> inVpcs = endpoints.inVpcs(Set.copyOf(vpcOfGroup.values()), problems);
    Map<String, RawEndpoint> users = new LinkedHashMap<>();
    inVpcs.forEach((id, e) -> {
      if (e.groupIds().stream().anyMatch(vpcOfGroup::containsKey)) {
        users.put(id, e);
      }
    });
    return EndpointSelection.of(users, inVpcs);
  }
}
