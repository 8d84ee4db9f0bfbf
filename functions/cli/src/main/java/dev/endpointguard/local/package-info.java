/**
 * Runs a Lambda handler in process as Lambda would, for {@code invoke} and the demo.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.local;
