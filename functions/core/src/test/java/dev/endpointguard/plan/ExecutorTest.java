package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.LocalEndpointServices;
import dev.endpointguard.testing.Plans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/** The executor against the local AWS: every change kind applied and read back with the SDK directly. */
@LocalAwsTest
class ExecutorTest {
  private static final String SSM = "com.amazonaws.us-east-1.ssm";

  /** Every EC2 operation the executor's client sends, in order. */
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private AwsClients recorded;
  private Ec2Client ec2;
  private Executor executor;
  private String vpc;
  private String subnetA;
  private String subnetB;
  private String azB;
  private String group;
  private String endpoint;

  @BeforeEach
  void seed(LocalAws local, AwsClients clients) {
    ec2 = clients.ec2();
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      }
    };
    recorded = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint()).withRetries(false)
        .withInterceptors(List.of(recorder)));
    executor = new Executor(recorded.ec2(), new Ec2LiveState(recorded.ec2()));

    vpc = ec2.createVpc(b -> b.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    subnetA = subnet("10.0.1.0/24", "us-east-1a");
    subnetB = subnet("10.0.2.0/24", "us-east-1b");
    azB = ec2.describeSubnets(b -> b.subnetIds(subnetB)).subnets().get(0).availabilityZoneId();
    group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("endpoints").description("endpoints")).groupId();
    endpoint = ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(SSM).vpcEndpointType(VpcEndpointType.INTERFACE)
        .subnetIds(subnetA).securityGroupIds(group).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
  }

  @AfterEach
  void close() {
    recorded.close();
  }

  private String subnet(String cidr, String az) {
    return ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
  }

  private VpcEndpoint describeEndpoint() {
    return ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpoint)).vpcEndpoints().get(0);
  }

  private boolean dnsHostnames() {
    return ec2.describeVpcAttribute(b -> b.vpcId(vpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
        .enableDnsHostnames().value();
  }

  private List<String> writeOperations() {
    return operations.stream().filter(o -> !o.startsWith("Describe")).toList();
  }

  private List<Outcome> statuses(ExecutionResult result) {
    return result.changes().stream().map(ChangeResult::outcome).toList();
  }

  private AddSubnets addSubnetB() {
    return Plans.addSubnets(endpoint, List.of(subnetB), List.of(azB));
  }

  private List<Change> privateDnsPlan() {
    return List.of(new EnableVpcDnsAttribute(vpc, VpcDnsAttribute.ENABLE_DNS_SUPPORT),
        new EnableVpcDnsAttribute(vpc, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
        new EnablePrivateDns(endpoint, "ssm.us-east-1.amazonaws.com"));
  }

  private void openToWorld() {
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(IpPermission.builder().ipProtocol("tcp")
        .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
        .ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
  }

  private ReplaceIngressSource replaceWorld() {
    return Plans.replaceIngressSource(group, "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"));
  }

  private List<IngressRule> ingress() {
    return new Ec2LiveState(ec2).ingress(group).orElseThrow();
  }

  /** Issue 12: requiring acceptance writes one call, keeps every principal and reads back as required. */
  @Test
  void apply_requireAcceptance_acceptanceOnPrincipalsUnchanged_secondMakesNoWrites(LocalAws local) {
    String service = new LocalEndpointServices(local, ec2).create(subnetA, false,
        List.of("*", "arn:aws:iam::444455556666:root"), List.of());
    RequireAcceptance change = new RequireAcceptance(service, "us-east-1", List.of("*",
        "arn:aws:iam::444455556666:root"));

    ExecutionResult result = executor.apply(List.of(change));

    assertThat(statuses(result)).containsExactly(Outcome.APPLIED);
    assertThat(writeOperations()).containsExactly("ModifyVpcEndpointServiceConfiguration");
    LiveState.LiveEndpointService now = new Ec2LiveState(ec2).endpointService(service).orElseThrow();
    assertThat(now.acceptanceRequired()).isTrue();
    assertThat(now.allowedPrincipals()).containsExactly("*", "arn:aws:iam::444455556666:root");

    operations.clear();
    ExecutionResult second = executor.apply(List.of(change));
    assertThat(statuses(second)).containsExactly(Outcome.ALREADY_IN_EFFECT);
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_requireAcceptance_untrustedPrincipalsRemovedSinceEvaluated_skippedWithoutWrites(LocalAws local) {
    String service = new LocalEndpointServices(local, ec2).create(subnetA, false, List.of("*"), List.of());
    ec2.modifyVpcEndpointServicePermissions(b -> b.serviceId(service).removeAllowedPrincipals("*"));

    ExecutionResult result = executor.apply(List.of(new RequireAcceptance(service, "us-east-1", List.of("*"))));

    assertThat(statuses(result)).containsExactly(Outcome.SKIPPED);
    assertThat(result.changes().get(0).detail()).hasValueSatisfying(d -> assertThat(d)
        .contains("changed since evaluated: none of * is allowed any more"));
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_addSubnetsInNewAz_appliedAndVerified() {
    ExecutionResult result = executor.apply(List.of(addSubnetB()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(statuses(result)).containsExactly(Outcome.APPLIED);
    assertThat(result.writes()).isEqualTo(1);
    assertThat(writeOperations()).containsExactly("ModifyVpcEndpoint");
    assertThat(describeEndpoint().subnetIds()).containsExactlyInAnyOrder(subnetA, subnetB);
  }

  @Test
  void apply_addSubnetsTwice_secondMakesNoWrites() {
    executor.apply(List.of(addSubnetB()));
    operations.clear();

    ExecutionResult second = executor.apply(List.of(addSubnetB()));

    assertThat(second.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(statuses(second)).containsExactly(Outcome.ALREADY_IN_EFFECT);
    assertThat(second.writes()).isZero();
    assertThat(writeOperations()).isEmpty();
    assertThat(executor.writes()).isEqualTo(1);
  }

  @Test
  void apply_racingInvocationCoveredTheAz_duplicateSubnetsInSameZoneCountsAsDone() {
    LiveState real = new Ec2LiveState(recorded.ec2());
    LiveState.LiveEndpoint before = real.endpoint(endpoint).orElseThrow();
    String otherB = subnet("10.0.3.0/24", "us-east-1b");
    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(endpoint).addSubnetIds(otherB));
    Executor racing = new Executor(recorded.ec2(), new StaleFirstRead(real, before));

    ExecutionResult result = racing.apply(List.of(addSubnetB()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.changes().get(0).outcome()).isEqualTo(Outcome.ALREADY_IN_EFFECT);
    assertThat(result.changes().get(0).detail()).hasValue("applied concurrently by another invocation");
    assertThat(result.writes()).isEqualTo(1);
    assertThat(describeEndpoint().subnetIds()).containsExactlyInAnyOrder(subnetA, otherB);
  }

  @Test
  void apply_privateDnsPlan_turnsOnMissingAttributeThenPrivateDns() {
    assertThat(dnsHostnames()).isFalse();

    ExecutionResult result = executor.apply(privateDnsPlan());

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(statuses(result)).containsExactly(Outcome.ALREADY_IN_EFFECT, Outcome.APPLIED,
        Outcome.APPLIED);
    assertThat(writeOperations()).containsExactly("ModifyVpcAttribute", "ModifyVpcEndpoint");
    assertThat(dnsHostnames()).isTrue();
    assertThat(describeEndpoint().privateDnsEnabled()).isTrue();
  }

  @Test
  void apply_privateDnsPlanTwice_secondMakesNoWrites() {
    executor.apply(privateDnsPlan());
    operations.clear();

    ExecutionResult second = executor.apply(privateDnsPlan());

    assertThat(statuses(second)).containsOnly(Outcome.ALREADY_IN_EFFECT);
    assertThat(second.writes()).isZero();
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_narrowPolicy_replacesThePolicy() {
    String current = describeEndpoint().policyDocument();

    ExecutionResult result = executor.apply(List.of(Plans.narrowPolicy(endpoint, current, PolicySamples.NARROWED)));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(PolicyText.same(describeEndpoint().policyDocument(), PolicySamples.NARROWED)).isTrue();
    operations.clear();
    ExecutionResult second = executor.apply(List.of(Plans.narrowPolicy(endpoint, current, PolicySamples.NARROWED)));
    assertThat(statuses(second)).containsExactly(Outcome.ALREADY_IN_EFFECT);
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_policyChangedSinceEvaluated_skippedWithoutWrites() {
    String evaluated = describeEndpoint().policyDocument();
    String someoneElses = PolicySamples.NARROWED.replace("123456789012", "210987654321");
    ec2.modifyVpcEndpoint(b -> b.vpcEndpointId(endpoint).policyDocument(someoneElses));

    ExecutionResult result = executor.apply(List.of(Plans.narrowPolicy(endpoint, evaluated, PolicySamples.NARROWED)));

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).startsWith("changed since evaluated"));
    assertThat(writeOperations()).isEmpty();
    assertThat(PolicyText.same(describeEndpoint().policyDocument(), someoneElses)).isTrue();
  }

  @Test
  void apply_replaceIngressSource_authorizesTheVpcThenRevokesTheWorld() {
    openToWorld();

    ExecutionResult result = executor.apply(List.of(replaceWorld(),
        Plans.replaceIngressSource(group, "tcp", 443, 443, "::/0", List.of())));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(writeOperations()).containsExactly("AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupIngress");
    assertThat(result.writes()).isEqualTo(3);
    assertThat(ingress()).containsExactly(new IngressRule(group, "tcp", 443, 443, "10.0.0.0/16"));
  }

  @Test
  void apply_replaceIngressSourceTwice_secondMakesNoWrites() {
    openToWorld();
    executor.apply(List.of(replaceWorld()));
    operations.clear();

    ExecutionResult second = executor.apply(List.of(replaceWorld()));

    assertThat(statuses(second)).containsExactly(Outcome.ALREADY_IN_EFFECT);
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_openRuleRemovedByOthers_skippedRatherThanAddingSources() {
    ExecutionResult result = executor.apply(List.of(replaceWorld()));

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
        .isEqualTo("changed since evaluated: tcp 443 from 0.0.0.0/0 is no longer in " + group));
    assertThat(writeOperations()).isEmpty();
    assertThat(ingress()).isEmpty();
  }

  @Test
  void apply_endpointDeleted_skippedAndRestNotAttempted() {
    ec2.deleteVpcEndpoints(b -> b.vpcEndpointIds(endpoint));
    operations.clear();

    ExecutionResult result = executor.apply(List.of(addSubnetB(), new EnablePrivateDns(endpoint, "x")));

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains(endpoint));
    assertThat(statuses(result)).containsExactly(Outcome.SKIPPED, Outcome.NOT_ATTEMPTED);
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_vpcDeleted_skipped() {
    String empty = ec2.createVpc(b -> b.cidrBlock("10.1.0.0/16")).vpc().vpcId();
    ec2.deleteVpc(b -> b.vpcId(empty));

    ExecutionResult result = executor.apply(
        List.of(new EnableVpcDnsAttribute(empty, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES)));

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValue(empty + " is gone");
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_securityGroupDeleted_skipped() {
    String other = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("gone").description("gone")).groupId();
    ec2.deleteSecurityGroup(b -> b.groupId(other));

    ExecutionResult result = executor.apply(
        List.of(Plans.replaceIngressSource(other, "tcp", 443, 443, "0.0.0.0/0", List.of("10.0.0.0/16"))));

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValue(other + " is gone");
    assertThat(writeOperations()).isEmpty();
  }

  @Test
  void apply_awsRejectsAChange_failedWithErrorCodeAndRestNotAttempted() {
    String current = describeEndpoint().policyDocument();
    // Private DNS while enableDnsHostnames is off: AWS refuses with InvalidParameter.
    ExecutionResult result = executor.apply(List.of(new EnablePrivateDns(endpoint, "ssm.us-east-1.amazonaws.com"),
        Plans.narrowPolicy(endpoint, current, PolicySamples.NARROWED)));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e)
        .startsWith("InvalidParameter: Enabling private DNS requires both enableDnsSupport and enableDnsHostnames"));
    assertThat(statuses(result)).containsExactly(Outcome.FAILED, Outcome.NOT_ATTEMPTED);
    assertThat(result.writes()).isEqualTo(1);
    assertThat(describeEndpoint().privateDnsEnabled()).isFalse();
    assertThat(PolicyText.same(describeEndpoint().policyDocument(), current)).isTrue();
  }

  @Test
  void apply_writeAcceptedButNeverShown_failedAppliedButNotInEffectAfterEveryWait() {
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(a -> a.value(true)));
    List<Duration> waited = new ArrayList<>();
    Executor blind = new Executor(recorded.ec2(), new PrivateDnsAlwaysOff(new Ec2LiveState(recorded.ec2())),
        new Settling(Settling.standard().waits(), waited::add));

    ExecutionResult result = blind.apply(List.of(new EnablePrivateDns(endpoint, "ssm.us-east-1.amazonaws.com")));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).hasValue("applied but not in effect: private DNS is off");
    assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(result.writes()).isEqualTo(1);
    assertThat(writeOperations()).containsExactly("ModifyVpcEndpoint");
  }

  @Test
  void apply_writeShownOnlyOnTheThirdReRead_appliedAfterTwoWaitsAndOneWrite() {
    List<Duration> waited = new ArrayList<>();
    Executor lagging = new Executor(recorded.ec2(), new StaleAfterFirstRead(new Ec2LiveState(recorded.ec2()), 2),
        new Settling(Settling.standard().waits(), waited::add));

    ExecutionResult result = lagging.apply(List.of(addSubnetB()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(statuses(result)).containsExactly(Outcome.APPLIED);
    assertThat(waited).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(result.writes()).isEqualTo(1);
    assertThat(writeOperations()).containsExactly("ModifyVpcEndpoint");
    assertThat(describeEndpoint().subnetIds()).containsExactlyInAnyOrder(subnetA, subnetB);
  }

  @Test
  void apply_shownAtOnce_noWait() {
    List<Duration> waited = new ArrayList<>();
    Executor prompt = new Executor(recorded.ec2(), new Ec2LiveState(recorded.ec2()),
        new Settling(Settling.standard().waits(), waited::add));

    ExecutionResult result = prompt.apply(List.of(addSubnetB()));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(waited).isEmpty();
  }

  @Test
  void apply_interruptedWhileWaiting_stopsWaitingFailsAndKeepsTheInterrupt() {
    ec2.modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(a -> a.value(true)));
    List<Duration> waited = new ArrayList<>();
    Executor blind = new Executor(recorded.ec2(), new PrivateDnsAlwaysOff(new Ec2LiveState(recorded.ec2())),
        new Settling(Settling.standard().waits(), d -> {
          waited.add(d);
          throw new InterruptedException("stop");
        }));

    try {
      ExecutionResult result = blind.apply(List.of(new EnablePrivateDns(endpoint, "ssm.us-east-1.amazonaws.com")));

      assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(result.error()).hasValue("applied but not in effect: private DNS is off");
      assertThat(waited).containsExactly(Duration.ofSeconds(1));
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  /** A live state whose endpoint reads a test changes; VPC DNS and ingress reads are the real ones. */
  private abstract static class EndpointReadsChanged implements LiveState {
    final LiveState real;

    EndpointReadsChanged(LiveState real) {
      this.real = real;
    }

    @Override
    public Optional<VpcDnsState> vpcDns(String vpcId) {
      return real.vpcDns(vpcId);
    }

    @Override
    public Optional<LiveEndpointService> endpointService(String serviceId) {
      return real.endpointService(serviceId);
    }

    @Override
    public Optional<List<IngressRule>> ingress(String groupId) {
      return real.ingress(groupId);
    }
  }

  /** A live state whose first endpoint read is the one taken before a racing invocation wrote. */
  private static final class StaleFirstRead extends EndpointReadsChanged {
    private Optional<LiveEndpoint> stale;

    StaleFirstRead(LiveState real, LiveEndpoint stale) {
      super(real);
      this.stale = Optional.of(stale);
    }

    @Override
    public Optional<LiveEndpoint> endpoint(String endpointId) {
      Optional<LiveEndpoint> first = stale;
      stale = Optional.empty();
      return first.isPresent() ? first : real.endpoint(endpointId);
    }
  }

  /**
   * A live state that answers the {@code staleReads} endpoint reads after the first with that first read, as an
   * eventually consistent API may just after a write.
   */
  private static final class StaleAfterFirstRead extends EndpointReadsChanged {
    private int staleReads;
    private Optional<LiveEndpoint> first;

    StaleAfterFirstRead(LiveState real, int staleReads) {
      super(real);
      this.staleReads = staleReads;
    }

    @Override
    public Optional<LiveEndpoint> endpoint(String endpointId) {
      if (first == null) {
        first = real.endpoint(endpointId);
        return first;
      }
      if (staleReads > 0) {
        staleReads--;
        return first;
      }
      return real.endpoint(endpointId);
    }
  }

  /** A live state that never shows private DNS on, as if AWS accepted the call and dropped it. */
  private static final class PrivateDnsAlwaysOff extends EndpointReadsChanged {
    PrivateDnsAlwaysOff(LiveState real) {
      super(real);
    }

    @Override
    public Optional<LiveEndpoint> endpoint(String endpointId) {
      return real.endpoint(endpointId).map(e -> new LiveEndpoint(e.endpointId(), e.vpcId(), e.state(), false,
          e.subnetIds(), e.coveredAzIds(), e.policyDocument()));
    }
  }
}
