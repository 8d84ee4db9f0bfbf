package dev.endpointguard.inventory;

import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.SecurityGroupInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups by id, ingress flattened; who else uses a group is looked up only for groups open to the world
 * (the only ones a plan may change), all of them in one DescribeNetworkInterfaces call. Each group also carries the
 * subnets of the VPC endpoint interfaces that use it: those of the endpoints naming it and of the endpoint interfaces
 * that lookup finds.
 */
final class SecurityGroupReader {
  private final Ec2Client ec2;

  SecurityGroupReader(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  /**
   * Groups found, keyed by id; an unknown group is reported and left out.
   *
   * @param endpointSubnetsByGroup group id → subnets of the endpoints (of the VPCs read) that name the group
   */
  Map<String, SecurityGroupInfo> read(Collection<String> groupIds, Set<String> endpointInterfaceIds,
                                      Map<String, Set<String>> endpointSubnetsByGroup,
                                      Consumer<InventoryProblem> problems) {
    Set<String> wanted = new TreeSet<>(groupIds);
    Map<String, SecurityGroup> groups = new TreeMap<>();
    for (List<String> batch : Batches.of(wanted, Batches.FILTER_VALUES)) {
      // A group-id filter, not GroupIds: an unknown id then drops out instead of failing the whole call.
      ec2.describeSecurityGroupsPaginator(b -> b.filters(Filter.builder().name("group-id").values(batch).build()))
          .securityGroups().forEach(g -> {
            if (g.groupId() != null) {
              groups.put(g.groupId(), g);
            }
          });
    }
    wanted.stream().filter(id -> !groups.containsKey(id))
        .forEach(id -> problems.accept(InventoryProblem.incomplete(id, "no such security group in this account and region:"
            + " the endpoints that name it are judged without it")));

    Map<String, List<IngressRule>> ingress = new TreeMap<>();
    groups.forEach((id, g) -> ingress.put(id, IngressFlattener.flatten(id, g.ipPermissions())));
    Set<String> open = new TreeSet<>();
    ingress.forEach((id, rules) -> {
      if (rules.stream().anyMatch(IngressRule::isOpenToWorld)) {
        open.add(id);
      }
    });
    Map<String, Set<String>> endpointSubnets = new TreeMap<>();
    endpointSubnetsByGroup.forEach((id, subnets) -> endpointSubnets.put(id, new TreeSet<>(subnets)));
    Map<String, List<String>> users = otherUsers(open, endpointInterfaceIds, endpointSubnets, problems);

    Map<String, SecurityGroupInfo> infos = new TreeMap<>();
    groups.forEach((id, g) -> infos.put(id, new SecurityGroupInfo(id, g.groupName() == null ? "" : g.groupName(),
        g.vpcId() == null ? "" : g.vpcId(), ingress.get(id), users.getOrDefault(id, List.of()),
        users.containsKey(id), List.copyOf(endpointSubnets.getOrDefault(id, Set.of())))));
    return infos;
  }

  /**
   * Group id → interfaces using it that are not endpoint interfaces; a group whose lookup failed is absent. The
   * subnets of the endpoint interfaces found are added to {@code endpointSubnets}.
   */
  private Map<String, List<String>> otherUsers(Set<String> groupIds, Set<String> endpointInterfaceIds,
                                               Map<String, Set<String>> endpointSubnets,
                                               Consumer<InventoryProblem> problems) {
    Map<String, List<String>> users = new TreeMap<>();
    for (List<String> batch : Batches.of(groupIds, Batches.FILTER_VALUES)) {
      List<NetworkInterface> interfaces = new ArrayList<>();
      try {
        ec2.describeNetworkInterfacesPaginator(b -> b.filters(Filter.builder().name("group-id").values(batch).build()))
            .networkInterfaces().forEach(interfaces::add);
      } catch (SdkException e) {
        batch.forEach(id -> problems.accept(InventoryProblem.incomplete(id, "could not list the group's users: "
            + e.getMessage())));
        continue;
      }
      batch.forEach(id -> users.put(id, new ArrayList<>()));
      for (NetworkInterface eni : interfaces) {
        List<String> groups = eni.groups().stream().map(GroupIdentifier::groupId).filter(batch::contains).toList();
        Optional<String> other = InterfaceUser.describe(eni, endpointInterfaceIds);
        if (other.isPresent()) {
          groups.forEach(g -> users.get(g).add(other.get()));
        } else if (eni.subnetId() != null) {
          groups.forEach(g -> endpointSubnets.computeIfAbsent(g, k -> new TreeSet<>()).add(eni.subnetId()));
        }
      }
    }
    return users;
  }
}
