/**
 * Pure rules: a snapshot and a {@link dev.endpointguard.rules.RuleContext} in, an
 * {@link dev.endpointguard.rules.Evaluation} (compliance, one-line reason, plan) out. No AWS calls, no clock, no
 * environment.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.rules;
