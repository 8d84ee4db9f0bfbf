/**
 * The {@link dev.endpointguard.engine.Pipeline} every trigger and {@code scan} share (request → inventory → rules →
 * exemptions → plan or apply → sinks), its {@link dev.endpointguard.engine.Settings}, and the wiring that builds it.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.engine;
