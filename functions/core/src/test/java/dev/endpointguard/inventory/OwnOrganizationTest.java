package dev.endpointguard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.model.Targets;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/**
 * Issue 10 i: the account's own organization, read with organizations:DescribeOrganization only when no organization
 * is configured and a policy in scope names one, at most once per run and remembered once known.
 */
@LocalAwsTest
class OwnOrganizationTest {
  private static final String ORG_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
      + "{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}]}";
  private static final String DESCRIBE = "DescribeOrganization";

  private SeedEstate seed;
  private SeedEstate.SeededVpc vpc;

  /** Fails DescribeOrganization as AWS does when the role may not call it (after the SDK gave up). */
  private record Denied() implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (DESCRIBE.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
        throw OrganizationsException.builder().statusCode(400).message("not authorized")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                .errorMessage("not authorized").build()).build();
      }
    }
  }

  @BeforeEach
  void seed(AwsClients clients) {
    seed = new SeedEstate(clients.ec2());
    vpc = seed.vpc(1);
  }

  private String endpointWithPolicy(AwsClients clients, String policy) {
    return clients.ec2().createVpcEndpoint(b -> b.vpcId(vpc.vpcId()).serviceName(SeedEstate.service("ssm"))
        .vpcEndpointType("Interface").subnetIds(vpc.subnetIds().subList(0, 2)).privateDnsEnabled(false)
        .policyDocument(policy))
        .vpcEndpoint().vpcEndpointId();
  }

  private static AwsClients counted(LocalAws aws, ExecutionInterceptor... interceptors) {
    return new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()).withRetries(false)
        .withInterceptors(List.of(interceptors)));
  }

  @Test
  void load_accountInAnOrganization_readsItOnceAndRemembersIt(LocalAws aws, AwsClients clients) {
    String orgId = clients.organizations().createOrganization(b -> b.featureSet(OrganizationFeatureSet.ALL))
        .organization().id();
    endpointWithPolicy(clients, ORG_POLICY);
    CallCountingInterceptor counter = new CallCountingInterceptor();

    try (AwsClients countedClients = counted(aws, counter)) {
      Inventory inventory = new Inventory(countedClients);
      InventoryResult first = inventory.load(Targets.allInRegion(), true);
      InventoryResult second = inventory.load(Targets.allInRegion(), true);

      assertThat(first.estate().ownOrganization()).isEqualTo(new OwnOrganization.Member(orgId));
      assertThat(second.estate().ownOrganization()).isEqualTo(new OwnOrganization.Member(orgId));
      assertThat(first.problems()).isEmpty();
      assertThat(counter.count(DESCRIBE)).as("calls %s", counter.snapshot()).isEqualTo(1);
    }
  }

  @Test
  void load_accountInNoOrganization_isNotAMember(LocalAws aws, AwsClients clients) {
    endpointWithPolicy(clients, ORG_POLICY);

    InventoryResult result = new Inventory(clients).load(Targets.allInRegion(), true);

    assertThat(result.estate().ownOrganization()).isEqualTo(new OwnOrganization.NotMember());
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void load_organizationConfiguredOrNotNamed_neverCallsOrganizations(LocalAws aws, AwsClients clients) {
    endpointWithPolicy(clients, ORG_POLICY);
    CallCountingInterceptor counter = new CallCountingInterceptor();

    try (AwsClients countedClients = counted(aws, counter)) {
      assertThat(new Inventory(countedClients).load(Targets.allInRegion(), false).estate().ownOrganization())
          .isEqualTo(OwnOrganization.notRead());
    }
    seed.interfaceEndpoint(seed.vpc(2).vpcId(), SeedEstate.service("ssm"), List.of(), List.of(), false);
    try (AwsClients countedClients = counted(aws, counter)) {
      InventoryResult defaultPolicyOnly = new Inventory(countedClients).load(Targets.vpcs(List.of(
          countedClients.ec2().describeVpcs(b -> b.filters(f -> f.name("cidr").values("10.2.0.0/16"))).vpcs().get(0)
              .vpcId())), true);
      assertThat(defaultPolicyOnly.estate().ownOrganization()).isEqualTo(OwnOrganization.notRead());
    }
    assertThat(counter.count(DESCRIBE)).isZero();
  }

  @Test
  void load_describeOrganizationDenied_isUnreadableAndSaysHowToTrustTheOrganization(LocalAws aws,
                                                                                    AwsClients clients) {
    String endpoint = endpointWithPolicy(clients, ORG_POLICY);

    try (AwsClients denied = counted(aws, new Denied())) {
      InventoryResult result = new Inventory(denied).load(Targets.allInRegion(), true);

      assertThat(result.estate().ownOrganization()).isEqualTo(new OwnOrganization.Unreadable(
          "organizations:DescribeOrganization failed: AccessDeniedException"));
      assertThat(result.estate().endpoints()).extracting(e -> e.endpointId()).containsExactly(endpoint);
      assertThat(result.problems()).containsExactly(InventoryProblem.incomplete("123456789012", "could not read the"
          + " account's own organization (organizations:DescribeOrganization failed: AccessDeniedException); endpoint"
          + " policies that name an organization are judged with no organization trusted and get no plan: trust it"
          + " with --trusted-org-id (TrustedOrgIds when deployed), or allow the call"));
    }
  }
}
