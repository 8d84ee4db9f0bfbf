package dev.endpointguard.inventory;

import dev.endpointguard.model.OwnOrganization;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * Reads the scanned account's own organization with organizations:DescribeOrganization, which any member account may
 * call. A definite answer (member of o-…, or of none) is remembered for the life of this object (keep one per
 * process, as the inventory does); a failure is reported and asked again on the next run.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
 */
final class OrganizationReader {
  private final Supplier<OrganizationsClient> organizations;
  private volatile OwnOrganization known;

  OrganizationReader(Supplier<OrganizationsClient> organizations) {
    this.organizations = Objects.requireNonNull(organizations, "organizations");
  }

  /** The account's organization; {@code accountId} names the problem reported when it cannot be read. */
  OwnOrganization read(String accountId, Consumer<InventoryProblem> report) {
    OwnOrganization answer = known;
    if (answer != null) {
      return answer;
    }
    try {
      answer = new OwnOrganization.Member(organizations.get().describeOrganization().organization().id());
    } catch (AwsOrganizationsNotInUseException e) {
      answer = new OwnOrganization.NotMember();
    } catch (SdkException e) {
      String why = "organizations:DescribeOrganization failed: " + errorCode(e);
      report.accept(InventoryProblem.incomplete(accountId, "could not read the account's own organization (" + why
          + "); endpoint policies that name an organization are judged with no organization trusted and get no"
          + " plan: trust it with --trusted-org-id (TrustedOrgIds when deployed), or allow the call"));
      return new OwnOrganization.Unreadable(why);
    }
    known = answer;
    return answer;
  }

  private static String errorCode(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }
}
