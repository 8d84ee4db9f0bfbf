package dev.endpointguard.policy;

import java.util.Set;

/**
 * The identities an endpoint policy may let through.
 *
 * @param accountIds the scanned account and every other trusted account id
 * @param orgIds     trusted AWS Organizations ids; empty means any concrete org id is accepted, with a note
 */
public record TrustedIdentities(Set<String> accountIds, Set<String> orgIds) {
  public TrustedIdentities {
    accountIds = Set.copyOf(accountIds);
    orgIds = Set.copyOf(orgIds);
  }

  boolean trustsAccount(String accountId) {
    return accountIds.contains(accountId);
  }
}
