/**
 * The only code that reads AWS: turns {@link dev.endpointguard.model.Targets} into an
 * {@link dev.endpointguard.model.Estate} with batched Describe calls, and reports what it could not read as
 * {@link dev.endpointguard.inventory.InventoryProblem}s.
 *
 * <p>See docs/architecture.md.
 */
package dev.endpointguard.inventory;
