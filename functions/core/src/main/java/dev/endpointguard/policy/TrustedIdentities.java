package dev.endpointguard.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identities an endpoint policy may let through. Nothing is trusted by default: an organization is trusted only
 * when configured, or when it is the scanned account's own organization as AWS Organizations reported it.
 *
 * @param accountIds      the scanned account and every other trusted account id
 * @param orgIds          the configured trusted AWS Organizations ids
 * @param ownOrganization the scanned account's organization, read with organizations:DescribeOrganization when none
 *                        is configured; trusted like a configured one, and reasons say where it came from
 */
public record TrustedIdentities(Set<String> accountIds, Set<String> orgIds, Optional<String> ownOrganization) {
  public TrustedIdentities {
    accountIds = Set.copyOf(accountIds);
    orgIds = Set.copyOf(orgIds);
    Objects.requireNonNull(ownOrganization, "ownOrganization");
  }

  boolean trustsAccount(String accountId) {
    return accountIds.contains(accountId);
  }

  boolean trustsOrg(String orgId) {
    return orgIds.contains(orgId) || ownOrganization.filter(orgId::equals).isPresent();
  }

  /** Every trusted organization, configured or the account's own, sorted. */
  Set<String> allOrgIds() {
    Set<String> all = new TreeSet<>(orgIds);
    ownOrganization.ifPresent(all::add);
    return all;
  }

  /** True when {@code orgId} is trusted only as the scanned account's own organization. */
  boolean trustedAsOwn(String orgId) {
    return !orgIds.contains(orgId) && ownOrganization.filter(orgId::equals).isPresent();
  }
}
