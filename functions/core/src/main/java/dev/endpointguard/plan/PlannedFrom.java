package dev.endpointguard.plan;

import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.VpcInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a change's safety condition ({@link Change#whyUnsafe}) is checked against: the estate the plan was made from,
 * the plan's changes before it, and the proof that a policy allows no more than another. Pure.
 */
final class PlannedFrom {
  private final Estate estate;
  private final List<Change> earlier;
  private final BiFunction<String, String, Optional<String>> policyWidening;

  PlannedFrom(Estate estate, List<Change> earlier, BiFunction<String, String, Optional<String>> policyWidening) {
    this.estate = Objects.requireNonNull(estate, "estate");
    this.earlier = List.copyOf(earlier);
    this.policyWidening = Objects.requireNonNull(policyWidening, "policyWidening");
  }

  Estate estate() {
    return estate;
  }

  /** The changes of the plan before the one checked, in plan order. */
  List<Change> earlier() {
    return earlier;
  }

  /** Why {@code next} may allow more than {@code previous}; empty when it provably allows no more. */
  Optional<String> policyWidening(String previous, String next) {
    return policyWidening.apply(previous, next);
  }

  /**
   * Runs {@code check} on an endpoint the plan may modify: in the estate, managed by neither a service nor a requester
   * ({@link dev.endpointguard.model.ManagedBy}); otherwise says why not.
   */
  Optional<String> onOurEndpoint(String endpointId, Function<EndpointSnapshot, Optional<String>> check) {
    Optional<EndpointSnapshot> found = endpoint(estate, endpointId);
    if (found.isEmpty()) {
      return Optional.of("the endpoint is not in the evaluated estate");
    }
    Optional<String> notOurs = found.get().managedBy().whyNotOurs();
    return notOurs.isPresent() ? notOurs : check.apply(found.get());
  }

  /** A VPC of the estate, listed itself or as an endpoint's. */
  Optional<VpcInfo> vpc(String vpcId) {
    return vpc(estate, vpcId);
  }

  /** A security group on an endpoint of the estate. */
  Optional<SecurityGroupInfo> group(String groupId) {
    return group(estate, groupId);
  }

  /** The endpoint service of the estate with this id, if it was read. */
  static Optional<EndpointServiceSnapshot> endpointService(Estate estate, String serviceId) {
    return Optional.ofNullable(Index.of(estate).services.get(serviceId));
  }

  /** The endpoint of the estate with this id, if it was read. */
  static Optional<EndpointSnapshot> endpoint(Estate estate, String endpointId) {
    return Optional.ofNullable(Index.of(estate).endpoints.get(endpointId));
  }

  /** The VPC of the estate with this id (listed itself, or as an endpoint's), if it was read. */
  static Optional<VpcInfo> vpc(Estate estate, String vpcId) {
    return Optional.ofNullable(Index.of(estate).vpcs.get(vpcId));
  }

  /** The security group on an endpoint of the estate with this id, if it was read. */
  static Optional<SecurityGroupInfo> group(Estate estate, String groupId) {
    return Optional.ofNullable(Index.of(estate).groups.get(groupId));
  }

  /**
   * The estate's resources by id, the first of each id in the estate's order (what a search of its lists finds).
   * Every planned change looks resources up (its previous state, its safety condition), so a search of the lists
   * would cost endpoints × changes; the index is built once per estate and thread (the last one is kept: a run reads
   * one estate on one thread).
   */
  private static final class Index {
    private static final ThreadLocal<Index> LAST = new ThreadLocal<>();

    private final Estate estate;
    private final Map<String, EndpointSnapshot> endpoints = new HashMap<>();
    private final Map<String, VpcInfo> vpcs = new HashMap<>();
    private final Map<String, SecurityGroupInfo> groups = new HashMap<>();
    private final Map<String, EndpointServiceSnapshot> services = new HashMap<>();

    private Index(Estate estate) {
      this.estate = estate;
      estate.endpoints().forEach(e -> endpoints.putIfAbsent(e.endpointId(), e));
      estate.vpcs().forEach(v -> vpcs.putIfAbsent(v.vpcId(), v.vpc()));
      estate.endpoints().forEach(e -> vpcs.putIfAbsent(e.vpc().vpcId(), e.vpc().vpc()));
      estate.endpoints().forEach(e -> e.securityGroups().forEach(g -> groups.putIfAbsent(g.groupId(), g)));
      estate.endpointServices().forEach(s -> services.putIfAbsent(s.serviceId(), s));
    }

    static Index of(Estate estate) {
      Index last = LAST.get();
      if (last == null || last.estate != estate) {
        last = new Index(estate);
        LAST.set(last);
      }
      return last;
    }
  }
}
