package dev.endpointguard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.testing.Plans;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** What the executor does with AWS errors that outlived the SDK's retries, and with ones that will never pass. */
class ExecutorRetryTest {
  private final AtomicInteger calls = new AtomicInteger();

  private Ec2Client failingWith(Ec2Exception error) {
    return (Ec2Client) Proxy.newProxyInstance(Ec2Client.class.getClassLoader(), new Class<?>[] {Ec2Client.class},
        (proxy, method, args) -> {
          calls.incrementAndGet();
          throw error;
        });
  }

  private static Ec2Exception error(int status, String code) {
    return (Ec2Exception) Ec2Exception.builder().statusCode(status).message(code)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("said " + code).build()).build();
  }

  private static final LiveState OFF = new LiveState() {
    @Override
    public Optional<LiveEndpoint> endpoint(String endpointId) {
      return Optional.of(new LiveEndpoint(endpointId, "vpc-1", EndpointState.of("available"), false, List.of("subnet-a"),
          Set.of("use1-az1"), "{}"));
    }

    @Override
    public Optional<VpcDnsState> vpcDns(String vpcId) {
      return Optional.of(new VpcDnsState(vpcId, true, false));
    }

    @Override
    public Optional<LiveEndpointService> endpointService(String serviceId) {
      return Optional.empty();
    }

    @Override
    public Optional<List<IngressRule>> ingress(String groupId) {
      return Optional.of(List.of());
    }
  };

  private static final List<Change> PLAN = List.of(new EnablePrivateDns("vpce-1", "ssm.us-east-1.amazonaws.com"),
      new EnableVpcDnsAttribute("vpc-1", VpcDnsAttribute.ENABLE_DNS_HOSTNAMES));

  @Test
  void apply_throttledBeyondSdkRetries_throwsRetryable() {
    Executor executor = new Executor(failingWith(error(400, "RequestLimitExceeded")), OFF);

    assertThatThrownBy(() -> executor.apply(PLAN)).isInstanceOf(RetryableAwsException.class)
        .hasMessageContaining("turn on private DNS for vpce-1").hasCauseInstanceOf(Ec2Exception.class);
    assertThat(calls).hasValue(1);
  }

  /** Issue 11: the changes written before a retryable failure are still known, so their alert is sent once. */
  @Test
  void apply_throttledAfterAnEarlierChangeWasWritten_theFailureSaysWhatTheEarlierChangeCameTo() {
    Ec2Client firstWorks = (Ec2Client) Proxy.newProxyInstance(Ec2Client.class.getClassLoader(),
        new Class<?>[] {Ec2Client.class}, (proxy, method, args) -> {
          if (calls.incrementAndGet() > 1) {
            throw error(400, "RequestLimitExceeded");
          }
          return null;
        });
    Executor executor = new Executor(firstWorks, OFF);

    assertThatThrownBy(() -> executor.apply(PLAN)).isInstanceOfSatisfying(RetryableAwsException.class, e ->
        assertThat(e.before()).containsExactly(ChangeResult.of(PLAN.get(0), Outcome.APPLIED)));
    assertThat(calls).hasValue(2);
  }

  @Test
  void apply_serverErrorBeyondSdkRetries_throwsRetryable() {
    Executor executor = new Executor(failingWith(error(503, "Unavailable")), OFF);

    assertThatThrownBy(() -> executor.apply(PLAN)).isInstanceOf(RetryableAwsException.class);
  }

  @Test
  void apply_permissionDenied_failedAsDataWithCodeAndMessage() {
    Executor executor = new Executor(failingWith(error(403, "UnauthorizedOperation")), OFF);

    ExecutionResult result = executor.apply(PLAN);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.error()).hasValue("UnauthorizedOperation: said UnauthorizedOperation");
    assertThat(result.changes()).extracting(ChangeResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.NOT_ATTEMPTED);
    assertThat(result.writes()).isEqualTo(1);
    assertThat(calls).hasValue(1);
  }

  @Test
  void apply_emptyPlan_noneWithoutCalls() {
    ExecutionResult result = new Executor(failingWith(error(500, "InternalError")), OFF).apply(List.of());

    assertThat(result.outcome()).isEqualTo(Outcome.NONE);
    assertThat(calls).hasValue(0);
  }

  @Test
  void applyIfSafe_unsafePlan_skippedWithoutCalls() {
    Executor executor = new Executor(failingWith(error(500, "InternalError")), OFF);
    List<Change> plan = List.of(Plans.addSubnets(EstateFixture.ENDPOINT, List.of("subnet-pub"), List.of("use1-az3")));

    ExecutionResult result = executor.applyIfSafe(plan, new EstateFixture().estate(), PolicySamples.safetyCheck());

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.error()).hasValue("unsafe plan: AddSubnets on vpce-1: subnet-pub is public (routes to an "
        + "internet gateway)");
    assertThat(result.changes()).extracting(ChangeResult::outcome).containsExactly(Outcome.NOT_ATTEMPTED);
    assertThat(calls).hasValue(0);
  }
}
