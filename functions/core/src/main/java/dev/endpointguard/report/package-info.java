/**
 * A run's results and the {@code endpoint-guard/1} JSON report.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.report;
