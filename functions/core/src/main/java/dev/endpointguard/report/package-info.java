/**
 * A run's results, the AZ coverage of the VPCs it read ({@code VpcCoverage}), and the {@code endpoint-guard/1} JSON
 * report.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.report;
