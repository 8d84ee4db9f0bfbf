/**
 * Immutable snapshots of what AWS holds (endpoints, VPCs, subnets, security groups, route tables, services) and
 * the value types every module shares: {@link dev.endpointguard.model.Targets}, {@link dev.endpointguard.model.AccountRegion},
 * {@link dev.endpointguard.model.AccountId}, {@link dev.endpointguard.model.EndpointState}, {@link dev.endpointguard.model.ManagedBy}.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.model;
