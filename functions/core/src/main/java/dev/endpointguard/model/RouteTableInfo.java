package dev.endpointguard.model;

import java.util.List;
import java.util.Objects;

/**
 * A route table of a VPC: which subnets it is explicitly associated with, whether it is the VPC's main table (used by
 * every subnet without an explicit association), and its routes.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#subnet-route-tables
 */
public record RouteTableInfo(String routeTableId, boolean main, List<String> subnetIds, List<RouteEntry> routes) {
  public RouteTableInfo {
    Objects.requireNonNull(routeTableId, "routeTableId");
    subnetIds = List.copyOf(subnetIds);
    routes = List.copyOf(routes);
  }
}
