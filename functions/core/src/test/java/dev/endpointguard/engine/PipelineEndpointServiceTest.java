package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.LocalEndpointServices;
import dev.endpointguard.testing.Requests;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Issue 12: broad-endpoint-service-permissions through the whole pipeline against the local AWS: the account's endpoint
 * services are read (configurations, then each one's permissions), judged, and in remediate mode made to require
 * acceptance, without a principal removed.
 */
@LocalAwsTest
class PipelineEndpointServiceTest {
  private static final String FOREIGN_ROOT = "arn:aws:iam::444455556666:root";

  private Ec2Client ec2;
  private Pipeline pipeline;
  private LocalEndpointServices services;
  private String subnet;

  @BeforeEach
  void seed(LocalAws local, AwsClients clients) {
    ec2 = clients.ec2();
    pipeline = Wiring.pipeline(clients);
    services = new LocalEndpointServices(local, ec2);
    String vpc = ec2.createVpc(b -> b.cidrBlock("10.8.0.0/16")).vpc().vpcId();
    subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.8.1.0/24").availabilityZone("us-east-1a")).subnet()
        .subnetId();
  }

  private static Settings serviceRuleOnly(Mode mode) {
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      modes.put(rule, rule == RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS ? mode : Mode.OFF);
    }
    return Settings.fromValues(List.of(), List.of(), null, null, modes);
  }

  private static EvaluationResult result(Run run, String serviceId) {
    return run.report().results().stream().filter(r -> r.evaluation().resourceId().equals(serviceId)).findFirst()
        .orElseThrow();
  }

  private ServiceConfiguration configuration(String serviceId) {
    return ec2.describeVpcEndpointServiceConfigurations(b -> b.serviceIds(serviceId)).serviceConfigurations().get(0);
  }

  private List<String> principals(String serviceId) {
    return ec2.describeVpcEndpointServicePermissions(b -> b.serviceId(serviceId)).allowedPrincipals().stream()
        .map(AllowedPrincipal::principal).sorted().toList();
  }

  @Test
  void run_serviceOpenToEveryoneWithoutAcceptance_remediated_acceptanceRequiredPrincipalsUnchanged() {
    String open = services.create(subnet, false, List.of("*", FOREIGN_ROOT), List.of());

    Run run = pipeline.run(Requests.of(Targets.allInRegion(), serviceRuleOnly(Mode.REMEDIATE)));

    EvaluationResult r = result(run, open);
    assertThat(r.evaluation().status()).isEqualTo(Status.NON_COMPLIANT);
    assertThat(r.evaluation().resourceType()).isEqualTo(ResourceType.VPC_ENDPOINT_SERVICE);
    assertThat(r.evaluation().vpc()).isEmpty();
    assertThat(r.evaluation().reason()).isEqualTo(open + " accepts endpoint connections without review"
        + " (AcceptanceRequired false) from principals outside the trusted accounts and organizations: * (every"
        + " principal in every AWS account), " + FOREIGN_ROOT);
    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(r.previous()).isEqualTo(Map.of("acceptanceRequired", false,
        "allowedPrincipals", List.of("*", FOREIGN_ROOT)));
    assertThat(configuration(open).acceptanceRequired()).isTrue();
    assertThat(principals(open)).containsExactly("*", FOREIGN_ROOT);
    assertThat(ReportJson.evaluation(r).get("vpcId").isNull()).isTrue();
    assertThat(run.problems()).isEmpty();

    Run again = pipeline.run(Requests.of(Targets.allInRegion(), serviceRuleOnly(Mode.REMEDIATE)));
    assertThat(result(again, open).evaluation().status()).isEqualTo(Status.COMPLIANT);
  }

  @Test
  void run_alertMode_plannedNothingWritten_trustedOnlyServiceCompliant() {
    String open = services.create(subnet, false, List.of("*"), List.of());
    String own = services.create(subnet, false, List.of("arn:aws:iam::123456789012:root"), List.of());

    Run run = pipeline.run(Requests.of(Targets.allInRegion(), serviceRuleOnly(Mode.ALERT)));

    assertThat(result(run, open).outcome()).isEqualTo(Outcome.PLANNED);
    assertThat(result(run, open).evaluation().plan()).extracting(c -> c.kind().reportName())
        .containsExactly("RequireAcceptance");
    assertThat(configuration(open).acceptanceRequired()).isFalse();
    assertThat(result(run, own).evaluation().status()).isEqualTo(Status.COMPLIANT);
  }

  @Test
  void run_exemptByTag_notApplicableAndUntouched() {
    String exempt = services.create(subnet, false, List.of("*"), List.of(Tag.builder()
        .key("endpoint-guard:exempt").value("broad-endpoint-service-permissions").build()));

    Run run = pipeline.run(Requests.of(Targets.allInRegion(), serviceRuleOnly(Mode.REMEDIATE)));

    assertThat(result(run, exempt).evaluation().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(result(run, exempt).evaluation().reason())
        .startsWith("exempt by tag endpoint-guard:exempt=broad-endpoint-service-permissions");
    assertThat(configuration(exempt).acceptanceRequired()).isFalse();
  }

  @Test
  void run_serviceIdTargets_readOnlyThoseServices_unknownIdIsAProblem() {
    String named = services.create(subnet, false, List.of("*"), List.of());
    String other = services.create(subnet, false, List.of("*"), List.of());

    Run run = pipeline.run(Requests.of(Targets.endpointServices(List.of(named, "vpce-svc-0123456789abcdef0")),
        serviceRuleOnly(Mode.ALERT)));

    assertThat(run.report().results()).extracting(r -> r.evaluation().resourceId()).containsExactly(named)
        .doesNotContain(other);
    assertThat(run.problems()).extracting(InventoryProblem::resourceId).containsExactly("vpce-svc-0123456789abcdef0");
  }

  /** A pipeline whose EC2 client refuses one operation, as a role without its permission would be refused. */
  private static Pipeline refusing(LocalAws local, String operation) {
    ExecutionInterceptor refuse = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          throw SdkClientException.create(operation + " refused");
        }
      }
    };
    return Wiring.pipeline(new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint())
        .withRetries(false).withInterceptors(List.of(refuse))));
  }

  @Test
  void run_permissionsUnreadable_serviceNotApplicableWithWhyAndNoPlan(LocalAws local) {
    String open = services.create(subnet, false, List.of("*"), List.of());

    Run run = refusing(local, "DescribeVpcEndpointServicePermissions")
        .run(Requests.of(Targets.allInRegion(), serviceRuleOnly(Mode.REMEDIATE)));

    EvaluationResult r = result(run, open);
    assertThat(r.evaluation().status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(r.evaluation().reason()).startsWith(open + " requires no acceptance, but its allowed principals could"
        + " not be read (DescribeVpcEndpointServicePermissions failed: SdkClientException: ")
        .endsWith("), so who may connect is unknown and no plan is made");
    assertThat(r.outcome()).isEqualTo(Outcome.NONE);
    assertThat(run.problems()).singleElement().satisfies(p -> {
      assertThat(p.resourceId()).isEqualTo(open);
      assertThat(p.leftOut()).isFalse();
    });
    assertThat(configuration(open).acceptanceRequired()).isFalse();
  }

  @Test
  void run_serviceListingRefused_endpointsStillEvaluatedAndTheGapReported(LocalAws local) {
    services.create(subnet, false, List.of("*"), List.of());
    String vpc = ec2.describeSubnets(b -> b.subnetIds(subnet)).subnets().get(0).vpcId();
    String endpoint = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName("com.amazonaws.us-east-1.ssm")
        .vpcEndpointType("Interface").subnetIds(subnet).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      modes.put(rule, Mode.ALERT);
    }

    Run run = refusing(local, "DescribeVpcEndpointServiceConfigurations").run(Requests.of(Targets.allInRegion(),
        Settings.fromValues(List.of(), List.of(), null, null, modes)));

    assertThat(run.report().results()).extracting(r -> r.evaluation().resourceId()).contains(endpoint)
        .allMatch(id -> !id.startsWith("vpce-svc-"));
    assertThat(run.problems()).singleElement().satisfies(p -> {
      assertThat(p.resourceId()).isEqualTo("(endpoint services)");
      assertThat(p.problem()).startsWith("could not list the account's endpoint services (SdkClientException: ");
      assertThat(p.leftOut()).isTrue();
    });
  }
}
