package dev.endpointguard.rules;

import static dev.endpointguard.testing.Snapshots.endpointService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.RequireAcceptance;
import dev.endpointguard.testing.Snapshots;
import dev.endpointguard.testing.Snapshots.EndpointServiceBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: an endpoint service open to {@code *} or untrusted principals without acceptance. Cases from the principal
 * forms AWS documents (configure-endpoint-service.html, "Manage permissions") and the API's PrincipalType values.
 */
class BroadEndpointServicePermissionsRuleTest {
  private static final BroadEndpointServicePermissionsRule RULE = new BroadEndpointServicePermissionsRule();
  private static final String ID = "vpce-svc-03d5ebb7d9579a2b3";
  private static final String OWN_ROOT = "arn:aws:iam::123456789012:root";
  private static final String TRUSTED_ROLE = "arn:aws:iam::111122223333:role/consumer";
  private static final String FOREIGN_ROOT = "arn:aws:iam::444455556666:root";
  private static final String FOREIGN_USER = "arn:aws:iam::444455556666:user/mallory";
  private static final String TRUSTED_ORG = "o-a1b2c3d4e5";
  private static final String OU_OF_TRUSTED_ORG = "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56";
  private static final String OU_OF_OTHER_ORG = "arn:aws:organizations::999988887777:ou/o-z9y8x7w6v5/ou-zz99-yy88xx77";
  private static final String TRUSTED_ORG_ARN = "arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5";
  private static final String PREFIX = ID + " accepts endpoint connections without review (AcceptanceRequired false)"
      + " from principals outside the trusted accounts and organizations: ";

  /** Trusts 111122223333 and organization o-a1b2c3d4e5 besides the scanned account. */
  private static RuleContext trusting() {
    return new RuleContext(Snapshots.ACCOUNT, RuleContext.DEFAULT_MIN_AZS, Set.of("111122223333"),
        Set.of(TRUSTED_ORG), RuleContext.DEFAULT_AZ_HOUR_PRICE);
  }

  private static List<Change> plan(String... untrusted) {
    return List.of(new RequireAcceptance(ID, "us-east-1", List.of(untrusted)));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("* without acceptance: public, in AWS's words", endpointService(ID).principals("*"),
            Status.NON_COMPLIANT, PREFIX + "* (every principal in every AWS account)", plan("*")),
        arguments("* reported with PrincipalType All", endpointService(ID).principal("*", "All"),
            Status.NON_COMPLIANT, PREFIX + "* (every principal in every AWS account)", plan("*")),
        arguments("the root of an untrusted account", endpointService(ID).principals(OWN_ROOT, FOREIGN_ROOT),
            Status.NON_COMPLIANT, PREFIX + FOREIGN_ROOT, plan(FOREIGN_ROOT)),
        arguments("a user of an untrusted account beside *", endpointService(ID).principals(FOREIGN_USER, "*"),
            Status.NON_COMPLIANT, PREFIX + "* (every principal in every AWS account), " + FOREIGN_USER,
            plan("*", FOREIGN_USER)),
        arguments("a trusted account's role and the own root", endpointService(ID).principals(TRUSTED_ROLE, OWN_ROOT),
            Status.COMPLIANT, ID + " requires no acceptance and allows only trusted principals to connect: "
                + TRUSTED_ROLE + ", " + OWN_ROOT, List.of()),
        arguments("an OU whose ARN names the trusted organization",
            endpointService(ID).principal(OU_OF_TRUSTED_ORG, "OrganizationUnit"),
            Status.COMPLIANT, ID + " requires no acceptance and allows only trusted principals to connect: "
                + OU_OF_TRUSTED_ORG, List.of()),
        arguments("the trusted organization itself", endpointService(ID).principals(TRUSTED_ORG_ARN),
            Status.COMPLIANT, ID + " requires no acceptance and allows only trusted principals to connect: "
                + TRUSTED_ORG_ARN, List.of()),
        arguments("an OU of another organization", endpointService(ID).principal(OU_OF_OTHER_ORG, "OrganizationUnit"),
            Status.NON_COMPLIANT, PREFIX + OU_OF_OTHER_ORG, plan(OU_OF_OTHER_ORG)),
        arguments("a service principal", endpointService(ID).principal("elasticloadbalancing.amazonaws.com", "Service"),
            Status.NON_COMPLIANT, PREFIX + "elasticloadbalancing.amazonaws.com",
            plan("elasticloadbalancing.amazonaws.com")),
        arguments("an ARN with a wildcard account", endpointService(ID).principals("arn:aws:iam::*:root"),
            Status.NON_COMPLIANT, PREFIX + "arn:aws:iam::*:root", plan("arn:aws:iam::*:root")),
        arguments("no principal allowed", endpointService(ID),
            Status.COMPLIANT, ID + " requires no acceptance and allows no principal to connect", List.of()),
        arguments("* with acceptance required: every request is reviewed",
            endpointService(ID).principals("*").acceptanceRequired(true),
            Status.COMPLIANT, ID + " requires acceptance, so every endpoint connection request is reviewed before it"
                + " connects", List.of()),
        arguments("principals unreadable, acceptance off",
            endpointService(ID).principalsUnreadable("DescribeVpcEndpointServicePermissions failed: AccessDenied"),
            Status.NOT_APPLICABLE, ID + " requires no acceptance, but its allowed principals could not be read"
                + " (DescribeVpcEndpointServicePermissions failed: AccessDenied), so who may connect is unknown and"
                + " no plan is made", List.of()),
        arguments("principals unreadable, acceptance on",
            endpointService(ID).principalsUnreadable("throttled").acceptanceRequired(true),
            Status.COMPLIANT, ID + " requires acceptance, so every endpoint connection request is reviewed before it"
                + " connects", List.of()),
        arguments("not Available", endpointService(ID).principals("*").state("Pending"),
            Status.NOT_APPLICABLE, ID + " is Pending, not Available, so it takes no connections", List.of()),
        arguments("endpoints managed by an AWS service", endpointService(ID).principals("*").managesVpcEndpoints(true),
            Status.NOT_APPLICABLE, ID + " has its endpoints managed by an AWS service (ManagesVpcEndpoints), so its"
                + " connections are not endpoint-guard's to change", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluate_case_givesExactStatusReasonAndPlan(String name, EndpointServiceBuilder service, Status status,
                                                   String reason, List<Change> plan) {
    assertThat(RULE.evaluate(service.build(), trusting())).isEqualTo(new Evaluation(RULE.id(),
        ResourceType.VPC_ENDPOINT_SERVICE, ID, Evaluation.NO_VPC, status, Severity.HIGH, reason, plan));
  }

  @Test
  void evaluate_untrustedAccountWithNothingConfigured_onlyTheScannedAccountIsTrusted() {
    Evaluation e = RULE.evaluate(endpointService(ID).principals(TRUSTED_ROLE, OWN_ROOT).build(),
        Snapshots.context());

    assertThat(e.status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(e.reason()).isEqualTo(PREFIX + TRUSTED_ROLE);
    assertThat(e.vpc()).isEmpty();
  }

  @Test
  void evaluate_ouOfTheAccountsOwnOrganization_trustedOnceTheOrganizationIsKnown() {
    RuleContext own = Snapshots.context().withOwnOrganization(new OwnOrganization.Member(TRUSTED_ORG));

    assertThat(RULE.evaluate(endpointService(ID).principals(OU_OF_TRUSTED_ORG).build(), own).status())
        .isEqualTo(Status.COMPLIANT);
    assertThat(RULE.evaluate(endpointService(ID).principals(OU_OF_TRUSTED_ORG).build(), Snapshots.context())
        .status()).isEqualTo(Status.NON_COMPLIANT);
  }

  @Test
  void evaluate_plan_neverRemovesAPrincipal_onlyRequiresAcceptance() {
    Evaluation e = RULE.evaluate(endpointService(ID).principals("*", FOREIGN_ROOT, OWN_ROOT)
        .tags(Map.of("team", "payments")).build(), trusting());

    assertThat(e.plan()).singleElement().isInstanceOfSatisfying(RequireAcceptance.class, c -> {
      // The detail turns acceptance on and names what the plan was made for; it carries no principal to remove.
      assertThat(c.detail()).isEqualTo(Map.of("acceptanceRequired", true, "region", "us-east-1",
          "untrustedPrincipals", List.of("*", FOREIGN_ROOT)));
      assertThat(c.untrustedPrincipals()).containsExactly("*", FOREIGN_ROOT);
      assertThat(c.rollback()).isEqualTo("aws ec2 modify-vpc-endpoint-service-configuration --service-id " + ID
          + " --no-acceptance-required --region us-east-1");
    });
  }
}
