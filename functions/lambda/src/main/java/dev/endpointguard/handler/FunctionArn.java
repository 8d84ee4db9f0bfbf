package dev.endpointguard.handler;

import dev.endpointguard.model.AccountId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account of the Lambda function being invoked, from the ARN in its context
 * ({@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:VERSION-OR-ALIAS]}). A function's execution role belongs
 * to the function's account, so this is the account the function's calls act in: no STS call is needed to learn it.
 * Anything else (no ARN, another service, another region, a malformed one) gives no account, and the caller falls back
 * to STS.
 */
final class FunctionArn {
  // https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html (FunctionArn pattern)
  private static final Pattern ARN = Pattern.compile(
      "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]{1,32}):(" + AccountId.REGEX + "):function:[a-zA-Z0-9_-]{1,64}"
          + "(?::(?:\\$LATEST|[a-zA-Z0-9_-]{1,128}))?");

  private FunctionArn() {
  }

  /** The account in {@code arn} when it is a Lambda function ARN in {@code region}. */
  static Optional<String> account(String arn, String region) {
    if (arn == null || arn.length() > 256) {
      return Optional.empty();
    }
    Matcher m = ARN.matcher(arn);
    if (!m.matches() || !m.group(1).equals(region)) {
      return Optional.empty();
    }
    return Optional.of(m.group(2));
  }
}
