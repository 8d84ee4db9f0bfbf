package dev.endpointguard.trigger;

import java.util.Optional;

/**
 * Who made an API call (CloudTrail {@code userIdentity}): used to recognise the events our own fixes cause.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
public record Caller(String type, Optional<String> arn, Optional<String> sessionIssuerArn) {

  public static Caller unknown() {
    return new Caller("Unknown", Optional.empty(), Optional.empty());
  }

  /**
   * Whether the call was made by {@code identityArn}: the same ARN, the role that issued the session, or another
   * assumption of the same role (a Lambda function's role credentials differ per execution environment).
   */
  public boolean is(String identityArn) {
    if (identityArn == null || identityArn.isEmpty()) {
      return false;
    }
    if (arn.filter(identityArn::equals).isPresent() || sessionIssuerArn.filter(identityArn::equals).isPresent()) {
      return true;
    }
    Optional<String> role = assumedRole(identityArn);
    return role.isPresent() && arn.flatMap(Caller::assumedRole).equals(role);
  }

  /** "account/role" of {@code arn:aws:sts::account:assumed-role/role/session}. */
  private static Optional<String> assumedRole(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !"sts".equals(parts[2]) || !parts[5].startsWith("assumed-role/")) {
      return Optional.empty();
    }
    String[] path = parts[5].split("/");
    return path.length == 3 ? Optional.of(parts[4] + "/" + path[1]) : Optional.empty();
  }
}
