/**
 * The local AWS: installs and starts moto in server mode with its documented patches, the demo estate, the alert
 * inbox. A test dependency of every module and a runtime dependency of the CLI only; never in the Lambda package.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.localaws;
