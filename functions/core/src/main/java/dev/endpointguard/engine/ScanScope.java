package dev.endpointguard.engine;

import dev.endpointguard.model.AccountId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which accounts and Regions a scan covers, as its caller asked: the credentials' own account or named accounts (or an
 * organization's) reached through a role, in named Regions, the home Region, or every Region enabled for each account.
 *
 * @param accountIds   accounts to scan besides the organization's; empty (and no organization) means the caller's own
 * @param organization also every active account of the caller's organization (ListAccounts)
 * @param roleName     the role assumed in every account other than the caller's own ({@code arn:<partition>:iam::<account>:role/<name>})
 * @param externalId   the external id the role's trust policy asks for, if any
 * @param regions      Regions to scan; empty means the home Region (the clients' own), unless {@code allRegions}
 * @param allRegions   every Region enabled for each account (DescribeRegions), instead of {@code regions}
 * @throws IllegalArgumentException for an account id that is not 12 digits, regions given with allRegions, an external
 *                                  id without a role, or other accounts to reach without a role name
 */
public record ScanScope(List<String> accountIds, boolean organization, Optional<String> roleName,
                        Optional<String> externalId, List<String> regions, boolean allRegions) {
  public ScanScope {
    accountIds = List.copyOf(new LinkedHashSet<>(accountIds));
    for (String id : accountIds) {
      if (!AccountId.valid(id)) {
        throw new IllegalArgumentException("'" + id + "' is not an AWS account id (12 digits)");
      }
    }
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(externalId, "externalId");
    regions = List.copyOf(new LinkedHashSet<>(regions));
    if (allRegions && !regions.isEmpty()) {
      throw new IllegalArgumentException("name Regions or ask for all of them, not both");
    }
    if (externalId.isPresent() && roleName.isEmpty()) {
      throw new IllegalArgumentException("an external id is given to a role: name the role too");
    }
    if ((organization || !accountIds.isEmpty()) && roleName.isEmpty()) {
      throw new IllegalArgumentException("other accounts are reached through a role: name it");
    }
    roleName.ifPresent(ScanScope::checkRoleName);
    externalId.ifPresent(ScanScope::checkExternalId);
  }

  /** The caller's own account in the home Region: what a scan covers when nothing else is asked. */
  public static ScanScope home() {
    return new ScanScope(List.of(), false, Optional.empty(), Optional.empty(), List.of(), false);
  }

  /** The caller's own account only (no other accounts, no organization). */
  public boolean callerOnly() {
    return accountIds.isEmpty() && !organization;
  }

  // Role names: 1-64 characters of [\w+=,.@-]. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
  private static void checkRoleName(String name) {
    if (!name.matches("[\\w+=,.@-]{1,64}")) {
      throw new IllegalArgumentException("'" + name + "' is not an IAM role name (1-64 of letters, digits, +=,.@_-)");
    }
  }

  // ExternalId: 2-1224 characters of [\w+=,.@:/-]. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
  private static void checkExternalId(String id) {
    if (!id.matches("[\\w+=,.@:/-]{2,1224}")) {
      throw new IllegalArgumentException("the external id is not 2-1224 of letters, digits, +=,.@:/_-");
    }
  }
}
