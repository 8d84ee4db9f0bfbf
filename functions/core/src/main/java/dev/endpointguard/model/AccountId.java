package dev.endpointguard.model;

import java.util.regex.Pattern;

/**
 * AWS account ids: 12 digits. Settings, events, ARNs and policies are all checked against this one pattern.
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
 */
public final class AccountId {
  /** The pattern, for embedding in larger ones (an ARN's account field). */
  public static final String REGEX = "\\d{12}";
  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private AccountId() {
  }

  public static boolean valid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  /** Returns {@code value} when it is an account id; else throws one clear error. */
  public static String require(String value) {
    if (!valid(value)) {
      throw new IllegalArgumentException("not an AWS account id (12 digits): '" + value + "'");
    }
    return value;
  }
}
