package dev.endpointguard.trigger;

import java.util.Objects;
import java.util.regex.Pattern;

/** The account and region a function serves: events from anywhere else are foreign and rejected. */
public record Scope(String account, String region) {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  // https://docs.aws.amazon.com/general/latest/gr/rande.html (e.g. us-east-1, us-gov-west-1, ap-southeast-4)
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

  public Scope {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    if (!ACCOUNT.matcher(account).matches()) {
      throw new IllegalArgumentException("account must be 12 digits: " + OneLine.quote(account));
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("not a region name: " + OneLine.quote(region));
    }
  }
}
