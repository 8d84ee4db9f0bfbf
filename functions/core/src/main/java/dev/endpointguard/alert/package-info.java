/**
 * Alert texts: one finding's alert, the digest, their JSON and subjects, and what each rule's finding means.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.alert;
