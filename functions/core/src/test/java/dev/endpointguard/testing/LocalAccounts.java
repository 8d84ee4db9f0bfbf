package dev.endpointguard.testing;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/**
 * Other accounts of the local AWS for multi-account tests: an organization whose management account is the local
 * caller ({@link #CALLER}), member accounts made with Organizations {@code CreateAccount} (each gets
 * {@link #ORG_ROLE}, trusting the management account, as on AWS), and small estates built in any account and Region
 * through that role.
 */
public final class LocalAccounts {
  /** The account of the local AWS's default credentials. */
  public static final String CALLER = "123456789012";
  /** The role Organizations creates in every account it creates. */
  public static final String ORG_ROLE = "OrganizationAccountAccessRole";

  private final LocalAws local;
  private final AwsClients home;

  /** @param home the caller's clients (us-east-1) against {@code local} */
  public LocalAccounts(LocalAws local, AwsClients home) {
    this.local = local;
    this.home = home;
  }

  /** Creates the organization and {@code n} member accounts; returns their ids in creation order. */
  public List<String> createMembers(int n) {
    OrganizationsClient org = home.organizations();
    org.createOrganization(b -> b.featureSet("ALL"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "member-" + i;
      CreateAccountStatus status = org.createAccount(b -> b.accountName(name).email(name + "@example.com"))
          .createAccountStatus();
      ids.add(org.describeCreateAccountStatus(b -> b.createAccountRequestId(status.id()))
          .createAccountStatus().accountId());
    }
    return ids;
  }

  /** Credentials of {@code account}: the caller's own, or {@link #ORG_ROLE} assumed in it. */
  public AwsCredentialsProvider credentials(String account) {
    return account.equals(CALLER) ? LocalAws.credentials()
        : home.assumeRole("arn:aws:iam::" + account + ":role/" + ORG_ROLE, Optional.empty(), "test-fixture");
  }

  /** Clients of {@code account} in {@code region} (close them). */
  public AwsClients clients(String account, Region region) {
    return new AwsClients(AwsClients.Target.local(region, local.endpoint()).withCredentials(credentials(account))
        .withRetries(false));
  }

  /**
   * A VPC (10.60.0.0/16) with subnets in two AZs and an Interface endpoint for ssm in the first only: NON_COMPLIANT
   * for single-az-endpoint.
   *
   * @return the endpoint's id
   */
  public String singleAzEndpoint(String account, Region region) {
    try (AwsClients c = new AwsClients(AwsClients.Target.local(region, local.endpoint())
        .withCredentials(credentials(account)).withRetries(false))) {
      Ec2Client ec2 = c.ec2();
      String vpc = ec2.createVpc(b -> b.cidrBlock("10.60.0.0/16")).vpc().vpcId();
      var zones = ec2.describeAvailabilityZones().availabilityZones();
      String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.60.1.0/24")
          .availabilityZone(zones.get(0).zoneName())).subnet().subnetId();
      ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.60.2.0/24").availabilityZone(zones.get(1).zoneName()));
      return ec2.createVpcEndpoint(b -> b.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
          .serviceName("com.amazonaws." + region.id() + ".ssm").subnetIds(subnet).privateDnsEnabled(false))
          .vpcEndpoint().vpcEndpointId();
    }
  }

  /** A role {@code name} in {@code account} trusting the caller's account on condition of {@code externalId}. */
  public void createRoleWithExternalId(String account, String name, String externalId) {
    String trust = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
         "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}"""
        .formatted(CALLER, externalId);
    try (IamClient iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(local.endpoint())
        .credentialsProvider(credentials(account)).build()) {
      iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust));
    }
  }
}
