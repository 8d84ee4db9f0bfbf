package dev.endpointguard.inventory;

import java.util.List;
import java.util.Map;

/**
 * The endpoints a read judges ({@code inScope}) and every endpoint of the VPCs that hold them ({@code inVpcs},
 * a superset: rules look at siblings).
 */
record EndpointSelection(List<RawEndpoint> inScope, List<RawEndpoint> inVpcs) {
  EndpointSelection {
    inScope = List.copyOf(inScope);
    inVpcs = List.copyOf(inVpcs);
  }

  static EndpointSelection of(Map<String, RawEndpoint> inScope, Map<String, RawEndpoint> inVpcs) {
    java.util.Map<String, RawEndpoint> all = new java.util.TreeMap<>(inVpcs);
    all.putAll(inScope);
    return new EndpointSelection(inScope.values().stream().filter(e -> !e.gone()).sorted(BY_ID).toList(),
        all.values().stream().filter(e -> !e.gone()).sorted(BY_ID).toList());
  }

  private static final java.util.Comparator<RawEndpoint> BY_ID =
      java.util.Comparator.comparing(RawEndpoint::endpointId);
}
