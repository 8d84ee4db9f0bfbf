package dev.endpointguard.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The scanned account's own AWS Organizations organization, as the inventory found it with
 * organizations:DescribeOrganization. It is read only when no organization is configured and an endpoint policy in
 * scope names one (aws:PrincipalOrgID, aws:PrincipalOrgPaths).
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
 */
public sealed interface OwnOrganization {
  /** Not read: an organization is configured, or no policy in scope names one. */
  record NotRead() implements OwnOrganization {
  }

  /** The account belongs to organization {@code id} ({@code o-…}). */
  record Member(String id) implements OwnOrganization {
    public Member {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The account belongs to no organization (AWSOrganizationsNotInUseException). */
  record NotMember() implements OwnOrganization {
  }

  /** The call failed (e.g. AccessDenied): whether the account is in an organization is unknown. */
  record Unreadable(String reason) implements OwnOrganization {
    public Unreadable {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static OwnOrganization notRead() {
    return new NotRead();
  }

  /** The organization's id, when the account is known to belong to one. */
  default Optional<String> orgId() {
    return this instanceof Member member ? Optional.of(member.id()) : Optional.empty();
  }
}
