/**
 * One decoder per trigger (CloudTrail call, Config rule invocation, compliance change, schedule), from raw JSON to a
 * {@link dev.endpointguard.trigger.Trigger}, an {@link dev.endpointguard.trigger.Ignored} or a
 * {@link dev.endpointguard.trigger.Rejected}.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.trigger;
