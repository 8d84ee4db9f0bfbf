package dev.endpointguard.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One account and one Region: what a scan reads, what a function serves (events from anywhere else are foreign), what
 * every evaluation belongs to.
 */
public record AccountRegion(String account, String region) {
  // https://docs.aws.amazon.com/general/latest/gr/rande.html (e.g. us-east-1, us-gov-west-1, ap-southeast-4)
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public AccountRegion {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    if (!AccountId.valid(account)) {
      throw new IllegalArgumentException("account must be 12 digits: " + "'" + account + "'");
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a region name: " + "'" + region + "'");
    }
  }
}
