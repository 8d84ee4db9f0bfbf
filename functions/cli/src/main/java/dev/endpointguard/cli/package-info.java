/**
 * The {@code endpoint-guard} command line: {@code scan}, {@code invoke}, {@code demo}; text and JSON output.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.cli;
