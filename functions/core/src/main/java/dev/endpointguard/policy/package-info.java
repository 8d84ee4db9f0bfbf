/**
 * Pure endpoint-policy analysis: parse, judge each statement against the trusted identities and AWS's data-perimeter
 * conditions, and build the narrowed policy. No AWS calls, no clock, no environment.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.policy;
