package dev.endpointguard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.TestClock;
import dev.endpointguard.testing.Plans;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/** Issue 12: the Security Hub sink against the local AWS's Security Hub, findings read back with GetFindings. */
@LocalAwsTest
class SecurityHubSinkTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final AccountRegion SCOPE = new AccountRegion("123456789012", "us-east-1");
  private static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";

  @Test
  void deliver_firstRun_importsFailedActiveFindingsReadBackAsSent(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    Delivery d = sink(clients, TestClock.at(T0)).deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED),
        vpc(Status.COMPLIANT)));

    assertThat(d).isEqualTo(new Delivery(SecurityHubSink.NAME, 2, 0, 0, List.of()));
    AwsSecurityFinding f = finding(clients, endpointId());
    assertThat(f.compliance().status()).isEqualTo(ComplianceStatus.FAILED);
    assertThat(f.recordState()).isEqualTo(RecordState.ACTIVE);
    assertThat(f.workflow().status()).isEqualTo(WorkflowStatus.NEW);
    assertThat(f.productArn()).isEqualTo("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default");
    AwsSecurityFinding passed = finding(clients, "endpoint-guard/123456789012/us-east-1/vpc-dns-disabled/vpc-1");
    assertThat(passed.recordState()).isEqualTo(RecordState.ARCHIVED);
    assertThat(passed.workflow().status()).as("set on create").isEqualTo(WorkflowStatus.RESOLVED);
  }

  @Test
  void deliver_rerun_updatesTheSameFindingWithALaterUpdatedAtAndNoDuplicate(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    TestClock clock = TestClock.at(T0);
    SecurityHubSink sink = sink(clients, clock);
    sink.deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED)));
    String first = finding(clients, endpointId()).updatedAt();

    clock.advance(Duration.ofMinutes(5));
    Delivery again = sink.deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED)));

    assertThat(again.delivered()).isEqualTo(1);
    assertThat(all(clients)).extracting(AwsSecurityFinding::id).containsExactly(endpointId());
    assertThat(Instant.parse(finding(clients, endpointId()).updatedAt())).isAfter(Instant.parse(first));
  }

  @Test
  void deliver_resourceFixed_findingArchivedPassedWorkflowLeftToSecurityHub(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    TestClock clock = TestClock.at(T0);
    SecurityHubSink sink = sink(clients, clock);
    sink.deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED)));

    clock.advance(Duration.ofMinutes(1));
    sink.deliver(run(EvaluationResult.of(new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT,
        ENDPOINT, "vpc-1", Status.NON_COMPLIANT, Severity.HIGH, "The endpoint is in one Availability Zone.",
        List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-0b"), List.of("use1-az2")))), Outcome.APPLIED)));

    AwsSecurityFinding f = finding(clients, endpointId());
    assertThat(f.compliance().status()).isEqualTo(ComplianceStatus.PASSED);
    assertThat(f.recordState()).isEqualTo(RecordState.ARCHIVED);
    assertThat(f.description()).contains("Fixed:");
    // BatchImportFindings cannot change the Workflow of an existing finding (only BatchUpdateFindings can).
    assertThat(f.workflow().status()).isEqualTo(WorkflowStatus.NEW);
  }

  @Test
  void deliver_sameInstantTwice_secondUpdateIgnoredAsSecurityHubDoes(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    SecurityHubSink sink = sink(clients, TestClock.at(T0));
    sink.deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED)));

    Delivery d = sink.deliver(run(endpoint(Status.COMPLIANT, Outcome.NONE)));

    assertThat(d.failed()).isZero();
    assertThat(finding(clients, endpointId()).compliance().status()).isEqualTo(ComplianceStatus.FAILED);
  }

  /** Enables the hub and delivers 250 NON_COMPLIANT findings: three calls, of 100, 100 and 50. */
  private static Delivery deliver250(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    List<EvaluationResult> results = IntStream.range(0, 250)
        .mapToObj(i -> result("vpce-%017x".formatted(i), Status.NON_COMPLIANT, Outcome.PLANNED)).toList();
    return sink(clients, TestClock.at(T0)).deliver(SecurityHubFindingsTest.run(SCOPE, results));
  }

  @Test
  void deliver_250Findings_threeCallsOf100_100_50(LocalAws aws) {
    CallCounter counter = new CallCounter(0);
    try (AwsClients clients = clients(aws, counter)) {
      Delivery d = deliver250(clients);

      assertThat(d.delivered()).isEqualTo(250);
      assertThat(counter.calls.get()).isEqualTo(3);
      assertThat(all(clients)).hasSize(250);
    }
  }

  @Test
  void deliver_oneCallFails_theOtherBatchesStillImportedAndTheFailureCounted(LocalAws aws) {
    CallCounter failSecond = new CallCounter(2);
    try (AwsClients clients = clients(aws, failSecond)) {
      Delivery d = deliver250(clients);

      assertThat(d.delivered()).isEqualTo(150);
      assertThat(d.failed()).isEqualTo(100);
      assertThat(d.problems()).singleElement().asString()
          .startsWith("BatchImportFindings failed (").endsWith("): 100 finding(s) not imported");
      assertThat(all(clients)).hasSize(150);
    }
  }

  @Test
  void deliver_hubNotEnabled_everyFindingFailedWithAClearProblemNothingThrown(AwsClients clients) {
    Delivery d = sink(clients, TestClock.at(T0)).deliver(run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED),
        vpc(Status.COMPLIANT)));

    assertThat(d.delivered()).isZero();
    assertThat(d.failed()).isEqualTo(2);
    assertThat(d.problems()).singleElement().asString()
        .startsWith("Security Hub is not enabled in 123456789012/us-east-1 (InvalidAccess: ")
        .contains("2 finding(s) not imported: " + endpointId());
  }

  @Test
  void notApplicableOnly_importsOnlyTheArchivingVerdicts(AwsClients clients) {
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));
    Run run = run(endpoint(Status.NON_COMPLIANT, Outcome.PLANNED),
        result("vpce-0ffffffffffffffff", Status.NOT_APPLICABLE, Outcome.NONE));

    Delivery d = SecurityHubSink.notApplicableOnly(clients::securityHub, TestClock.at(T0)).deliver(run);

    assertThat(d.delivered()).isEqualTo(1);
    assertThat(all(clients)).singleElement().satisfies(f -> {
      assertThat(f.id()).endsWith("/vpce-0ffffffffffffffff");
      assertThat(f.compliance().status()).isEqualTo(ComplianceStatus.NOT_AVAILABLE);
      assertThat(f.recordState()).isEqualTo(RecordState.ARCHIVED);
    });
  }

  // --- helpers

  private static SecurityHubSink sink(AwsClients clients, Clock clock) {
    return SecurityHubSink.everyEvaluation(clients::securityHub, clock);
  }

  private static AwsClients clients(LocalAws aws, ExecutionInterceptor interceptor) {
    return new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()).withRetries(false)
        .withCredentials(LocalAws.credentials()).withInterceptors(List.of(interceptor)));
  }

  private static Run run(EvaluationResult... results) {
    return SecurityHubFindingsTest.run(SCOPE, List.of(results));
  }

  private static EvaluationResult endpoint(Status status, Outcome outcome) {
    return result(ENDPOINT, status, outcome);
  }

  private static EvaluationResult result(String endpointId, Status status, Outcome outcome) {
    return EvaluationResult.of(new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT, endpointId,
        "vpc-1", status, Severity.HIGH, "The endpoint is in one Availability Zone.", List.of()), outcome);
  }

  private static EvaluationResult vpc(Status status) {
    return EvaluationResult.of(new Evaluation(RuleId.VPC_DNS_DISABLED, ResourceType.VPC, "vpc-1", "vpc-1", status,
        Severity.MEDIUM, "DNS support and hostnames are on.", List.of()), Outcome.NONE);
  }

  private static String endpointId() {
    return "endpoint-guard/123456789012/us-east-1/single-az-endpoint/" + ENDPOINT;
  }

  /** Every finding of the account and Region (the local AWS ignores GetFindings filters: filter here). */
  private static List<AwsSecurityFinding> all(AwsClients clients) {
    SecurityHubClient hub = clients.securityHub();
    List<AwsSecurityFinding> found = new ArrayList<>();
    hub.getFindingsPaginator(b -> b.maxResults(100)).forEach(page -> found.addAll(page.findings()));
    return found;
  }

  private static AwsSecurityFinding finding(AwsClients clients, String id) {
    return all(clients).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  /** Counts BatchImportFindings calls; fails the {@code failing}-th one (0: none) before it is sent. */
  private static final class CallCounter implements ExecutionInterceptor {
    final AtomicInteger calls = new AtomicInteger();
    private final int failing;

    CallCounter(int failing) {
      this.failing = failing;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if ("BatchImportFindings".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          && calls.incrementAndGet() == failing) {
        throw SdkClientException.create("connection reset (injected)");
      }
    }
  }
}
