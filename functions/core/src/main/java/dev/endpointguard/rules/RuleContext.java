package dev.endpointguard.rules;

import dev.endpointguard.model.OwnOrganization;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What rules know besides the snapshot: the settings that shape their verdicts and the scanned account.
 * No clock, no environment: rules are pure.
 *
 * @param accountId         the scanned account (always trusted)
 * @param minAzs            required distinct AZs for an Interface endpoint (capped by what the service offers)
 * @param trustedAccountIds accounts trusted besides {@code accountId}
 * @param trustedOrgIds     trusted AWS Organizations ids ({@code o-…}); empty means "not configured"
 * @param azHourPriceUsd    price of one endpoint AZ-hour, for cost figures
 * @param exemptResources   per rule, the resources its exemption tags exempt today (the engine reads the tags: rules
 *                          have no clock); a rule uses it for siblings, e.g. which endpoint gets the private-DNS plan
 * @param ownOrganization   the scanned account's organization as the inventory read it (only when no org is
 *                          configured); a member's organization is trusted, and reasons say where it came from
 */
public record RuleContext(String accountId, int minAzs, Set<String> trustedAccountIds, Set<String> trustedOrgIds,
                          BigDecimal azHourPriceUsd, Map<RuleId, Set<String>> exemptResources,
                          OwnOrganization ownOrganization) {
  public static final int DEFAULT_MIN_AZS = 2;
  public static final BigDecimal DEFAULT_AZ_HOUR_PRICE = new BigDecimal("0.01");
  public static final int HOURS_PER_MONTH = 730;

  public RuleContext {
    Objects.requireNonNull(accountId, "accountId");
    trustedAccountIds = Set.copyOf(trustedAccountIds);
    trustedOrgIds = Set.copyOf(trustedOrgIds);
    Objects.requireNonNull(azHourPriceUsd, "azHourPriceUsd");
    Map<RuleId, Set<String>> copy = new EnumMap<>(RuleId.class);
    exemptResources.forEach((rule, ids) -> copy.put(rule, Set.copyOf(ids)));
    exemptResources = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(ownOrganization, "ownOrganization");
  }

  /** Without exemptions; the account's organization not read. */
  public RuleContext(String accountId, int minAzs, Set<String> trustedAccountIds, Set<String> trustedOrgIds,
                     BigDecimal azHourPriceUsd) {
    this(accountId, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd, Map.of(), OwnOrganization.notRead());
  }

  /** The same, knowing which resources (of those rules may meet as siblings) are exempt from which rule today. */
  public RuleContext withExemptions(Map<RuleId, Set<String>> exempt) {
    return new RuleContext(accountId, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd, exempt,
        ownOrganization);
  }

  /** The same, knowing the scanned account's own organization as the inventory read it. */
  public RuleContext withOwnOrganization(OwnOrganization organization) {
    return new RuleContext(accountId, minAzs, trustedAccountIds, trustedOrgIds, azHourPriceUsd, exemptResources,
        organization);
  }

  /** Whether the engine found {@code resourceId} exempt from {@code rule} today. */
  public boolean isExempt(RuleId rule, String resourceId) {
    return exemptResources.getOrDefault(rule, Set.of()).contains(resourceId);
  }

  /** The scanned account plus the trusted ones. */
  public Set<String> allTrustedAccounts() {
    java.util.Set<String> all = new java.util.TreeSet<>(trustedAccountIds);
    all.add(accountId);
    return java.util.Set.copyOf(all);
  }

  /** Monthly cost of {@code azs} more endpoint AZs: price × 730 h × azs. */
  public BigDecimal monthlyCostOfAzs(int azs) {
    return azHourPriceUsd.multiply(BigDecimal.valueOf((long) HOURS_PER_MONTH * azs))
        .setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
