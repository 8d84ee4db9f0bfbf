package dev.endpointguard.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoints a read judges ({@code inScope}) and every endpoint of the VPCs that hold them ({@code inVpcs},
 * a superset: rules look at siblings). Both sorted by id, gone endpoints left out.
 */
record EndpointSelection(List<RawEndpoint> inScope, List<RawEndpoint> inVpcs) {
  private static final Comparator<RawEndpoint> BY_ID = Comparator.comparing(RawEndpoint::endpointId);

  EndpointSelection {
    inScope = List.copyOf(inScope);
    inVpcs = List.copyOf(inVpcs);
  }

  static EndpointSelection of(Map<String, RawEndpoint> inScope, Map<String, RawEndpoint> inVpcs) {
    Map<String, RawEndpoint> all = new TreeMap<>(inVpcs);
    all.putAll(inScope);
    return new EndpointSelection(inScope.values().stream().filter(e -> !e.gone()).sorted(BY_ID).toList(),
        all.values().stream().filter(e -> !e.gone()).sorted(BY_ID).toList());
  }

  /** Both selections together, each endpoint once. */
  EndpointSelection and(EndpointSelection other) {
    Map<String, RawEndpoint> scope = new TreeMap<>();
    inScope.forEach(e -> scope.put(e.endpointId(), e));
    other.inScope.forEach(e -> scope.putIfAbsent(e.endpointId(), e));
    Map<String, RawEndpoint> vpcs = new TreeMap<>();
    inVpcs.forEach(e -> vpcs.put(e.endpointId(), e));
    other.inVpcs.forEach(e -> vpcs.putIfAbsent(e.endpointId(), e));
    return of(scope, vpcs);
  }
}
