/**
 * The {@code endpoint-guard} command line: {@code scan}, {@code invoke}, {@code demo}; text, JSON and HTML output.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.cli;
