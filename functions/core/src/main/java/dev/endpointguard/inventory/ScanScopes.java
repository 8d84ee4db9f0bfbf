package dev.endpointguard.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * The reads that decide what a scan of many scopes covers: the Regions enabled for an account, and the accounts of an
 * organization. Both throw the SDK's exceptions; the caller turns them into a problem of the account they concern.
 */
public final class ScanScopes {
  /** DescribeRegions' opt-in states of a Region the account can use. */
  private static final List<String> ENABLED = List.of("opt-in-not-required", "opted-in");

  private ScanScopes() {
  }

  /**
   * The Regions enabled for the caller's account, sorted by name: DescribeRegions without {@code AllRegions} lists
   * "the Regions that are enabled for your account", and the {@code opt-in-status} filter says so explicitly (a Region
   * launched after March 2019 is disabled until the account opts in).
   * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html ·
   * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
   *
   * @return Region names such as {@code us-east-1}; one DescribeRegions call (it has no pages)
   */
  public static List<String> enabledRegions(Ec2Client ec2) {
    TreeSet<String> names = new TreeSet<>();
    ec2.describeRegions(r -> r.allRegions(false)
            .filters(Filter.builder().name("opt-in-status").values(ENABLED).build()))
        .regions().stream()
        .filter(r -> r.optInStatus() == null || ENABLED.contains(r.optInStatus()))
        .map(Region::regionName)
        .forEach(names::add);
    return List.copyOf(names);
  }

  /**
   * The active accounts of the caller's organization, sorted by id: ListAccounts, every page ("always check the
   * NextToken"). Only the management account or a delegated administrator may call it.
   * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
   *
   * @return 12-digit account ids of the accounts whose state (or, where AWS has not sent one, status) is ACTIVE
   */
  public static List<String> organizationAccounts(OrganizationsClient organizations) {
    TreeSet<String> ids = new TreeSet<>();
    organizations.listAccountsPaginator(r -> r.maxResults(20)).stream()
        .flatMap(page -> page.accounts().stream())
        .filter(ScanScopes::active)
        .map(Account::id)
        .forEach(ids::add);
    return List.copyOf(ids);
  }

  private static boolean active(Account account) {
    // State replaces the older Status field; an answer may carry either.
    // https://docs.aws.amazon.com/organizations/latest/APIReference/API_Account.html
    String state = Optional.ofNullable(account.stateAsString()).orElse(account.statusAsString());
    return state != null && "ACTIVE".equals(state.toUpperCase(Locale.ROOT));
  }
}
