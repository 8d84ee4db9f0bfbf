package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.PrivateDnsDisabledRule;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.Snapshots;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Issue 10 j: private DNS on an S3 interface endpoint in a VPC without an S3 gateway endpoint. AWS takes an omitted
 * PrivateDnsOnlyForInboundResolverEndpoint as true and then requires a gateway endpoint, so the plan sends false
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns); the local
 * AWS follows that page (docs/local-aws.md, patch j).
 */
@LocalAwsTest
class S3PrivateDnsExecutorTest {
  private static final String S3 = "com.amazonaws.us-east-1.s3";
  private static final String SSM = "com.amazonaws.us-east-1.ssm";

  private final List<ModifyVpcEndpointRequest> sent = new CopyOnWriteArrayList<>();
  private AwsClients recorded;
  private Ec2Client ec2;
  private Executor executor;
  private String vpc;
  private String subnet;

  @BeforeEach
  void seed(LocalAws local, AwsClients clients) {
    ec2 = clients.ec2();
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof ModifyVpcEndpointRequest r) {
          sent.add(r);
        }
      }
    };
    recorded = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint()).withRetries(false)
        .withInterceptors(List.of(recorder)));
    executor = new Executor(recorded.ec2(), new Ec2LiveState(recorded.ec2()));
    vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
    subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a")).subnet()
        .subnetId();
  }

  @AfterEach
  void close() {
    recorded.close();
  }

  private String interfaceEndpoint(String service) {
    return ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(service).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(subnet).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
  }

  private VpcEndpoint describe(String endpointId) {
    return ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpointId)).vpcEndpoints().get(0);
  }

  /** The rule's plan for the endpoint, from an inventory read of the local AWS. */
  private List<Change> plan(AwsClients clients, String endpointId) {
    Estate estate = new Inventory(clients).load(Targets.endpoints(List.of(endpointId)), false).estate();
    Evaluation e = new PrivateDnsDisabledRule().evaluate(estate.endpoints().get(0), Snapshots.context(
        estate.accountId()));
    return e.plan();
  }

  @Test
  void apply_s3PlanWithoutGatewayEndpoint_sendsDnsOptionFalseAndPrivateDnsIsOn(AwsClients clients) {
    String endpoint = interfaceEndpoint(S3);
    List<Change> plan = plan(clients, endpoint);
    assertThat(plan).containsExactly(EnablePrivateDns.forAllResolvers(endpoint, "s3.us-east-1.amazonaws.com"));

    ExecutionResult result = executor.apply(plan);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).privateDnsEnabled()).isTrue();
    assertThat(sent.get(0).dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
    VpcEndpoint after = describe(endpoint);
    assertThat(after.privateDnsEnabled()).isTrue();
    assertThat(after.dnsOptions().privateDnsOnlyForInboundResolverEndpoint()).isFalse();
  }

  @Test
  void apply_s3ChangeWithoutTheDnsOption_refusedByAwsAndNothingChanges() {
    String endpoint = interfaceEndpoint(S3);

    ExecutionResult result = executor.apply(List.of(new EnablePrivateDns(endpoint, "s3.us-east-1.amazonaws.com")));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).hasValue("InvalidParameter: To set PrivateDnsOnlyForInboundResolverEndpoint to true,"
        + " the VPC " + vpc + " must have a gateway endpoint for the service.");
    assertThat(describe(endpoint).privateDnsEnabled()).isFalse();
  }

  @Test
  void apply_ssmPlan_sendsNoDnsOptions(AwsClients clients) {
    String endpoint = interfaceEndpoint(SSM);
    List<Change> plan = plan(clients, endpoint);

    ExecutionResult result = executor.apply(plan);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(sent).singleElement().satisfies(r -> assertThat(r.dnsOptions()).isNull());
    assertThat(describe(endpoint).privateDnsEnabled()).isTrue();
  }
}
