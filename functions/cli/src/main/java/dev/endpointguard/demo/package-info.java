/**
 * The demo: a story told through the real Lambda handlers on a seeded local AWS — a sweep in alert mode, a change
 * fixed as it happens, Config evaluations, a remediating sweep, and the alerts subscribers received.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.demo;
