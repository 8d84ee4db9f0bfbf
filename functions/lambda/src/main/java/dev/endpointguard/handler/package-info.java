/**
 * The four Lambda entry points on the {@link dev.endpointguard.handler.FunctionHandler} template, their
 * per-environment runtime (clients, settings, logging, metrics) and SnapStart priming.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.handler;
