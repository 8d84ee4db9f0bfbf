/**
 * Changes as data — one sealed {@link dev.endpointguard.plan.Change} record per
 * {@link dev.endpointguard.plan.ChangeKind} — the {@link dev.endpointguard.plan.SafetyCheck}, and the
 * {@link dev.endpointguard.plan.Executor}, the only code that writes AWS.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.plan;
