package dev.endpointguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.testing.LocalAccounts;
import dev.endpointguard.testing.LocalAwsTest;
import dev.endpointguard.testing.Requests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Issue 12 part 1: one scan over several accounts (roles assumed through STS) and Regions, against the local AWS,
 * whose STS refuses roles that do not exist or do not trust the caller (with the external id their trust policy
 * asks for), and whose EC2 answers AuthFailure in Regions the account has not enabled (moto_launcher.py patches).
 */
@LocalAwsTest
class MultiScopeScanTest {
  private static final String CALLER = LocalAccounts.CALLER;
  private static final String ORG_ROLE = LocalAccounts.ORG_ROLE;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

  private ScopeCounter counter;
  private AwsClients home;
  private LocalAccounts accounts;

  @BeforeEach
  void setUp(LocalAws local) {
    this.counter = new ScopeCounter();
    this.home = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, local.endpoint())
        .withCredentials(LocalAws.credentials()).withRetries(false).withInterceptors(List.of(counter)));
    this.accounts = new LocalAccounts(local, home);
  }

  @Test
  void organization_twoRegions_everyAccountAndRegionScannedWithItsOwnAccountOnEachEvaluation() {
    List<String> members = accounts.createMembers(2);
    String endpointInB = accounts.singleAzEndpoint(members.get(0), Region.EU_WEST_1);

    ScanScope scope = new ScanScope(List.of(), true, Optional.of(ORG_ROLE), Optional.empty(),
        List.of("us-east-1", "eu-west-1"), false);
    MultiScopeScan.Result result = scan(scope, 8);

    ScanDocument doc = result.document();
    List<AccountRegion> scopes = doc.scopes().stream().map(s -> new AccountRegion(s.account(), s.region())).toList();
    assertThat(scopes).containsExactlyInAnyOrder(
        new AccountRegion(CALLER, "us-east-1"), new AccountRegion(CALLER, "eu-west-1"),
        new AccountRegion(members.get(0), "us-east-1"), new AccountRegion(members.get(0), "eu-west-1"),
        new AccountRegion(members.get(1), "us-east-1"), new AccountRegion(members.get(1), "eu-west-1"));
    assertThat(doc.problems()).isEmpty();
    ScanReport b = report(doc, members.get(0), "eu-west-1");
    assertThat(b.results()).extracting(r -> r.evaluation().resourceId()).contains(endpointInB);
    assertThat(b.results()).filteredOn(r -> r.evaluation().rule().id().equals("single-az-endpoint"))
        .singleElement().satisfies(r -> assertThat(r.evaluation().status().name()).isEqualTo("NON_COMPLIANT"));
    // The endpoint lives in B's eu-west-1 only: no other scope sees it.
    assertThat(doc.scopes()).filteredOn(s -> s != b)
        .allSatisfy(s -> assertThat(s.results()).extracting(r -> r.evaluation().resourceId()).doesNotContain(endpointInB));
    assertThat(doc.remainingNonCompliant()).isPositive();
    assertThat(doc.notEvaluated()).isZero();
  }

  @Test
  void accountWithoutTheRole_isOneProblemOfItsOwn_andTheOthersAreScanned() {
    List<String> members = accounts.createMembers(1);
    accounts.singleAzEndpoint(members.get(0), Region.US_EAST_1);

    ScanScope scope = new ScanScope(List.of(members.get(0), "444444444444"), false, Optional.of(ORG_ROLE),
        Optional.empty(), List.of("us-east-1", "eu-west-1"), false);
    ScanDocument doc = scan(scope, 4).document();

    assertThat(doc.scopes()).extracting(ScanReport::account).containsOnly(members.get(0));
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.account()).contains("444444444444");
      assertThat(p.region()).isEmpty();
      assertThat(p.notEvaluated()).isTrue();
      assertThat(p.message()).startsWith("could not assume arn:aws:iam::444444444444:role/" + ORG_ROLE
          + ": AccessDenied: ");
    });
    assertThat(doc.notEvaluated()).isEqualTo(1);
    assertThat(report(doc, members.get(0), "us-east-1").results()).isNotEmpty();
  }

  @Test
  void organizationFromAMemberAccount_listsNoAccount_isAProblem_andTheNamedAccountsAreStillScanned() {
    List<String> members = accounts.createMembers(2);
    // From a member, AWS refuses ListAccounts (AccessDeniedException); the local AWS answers an empty list. Either
    // way the scan must not pass as if the organization had been scanned.
    try (AwsClients member = accounts.clients(members.get(0), Region.US_EAST_1)) {
      ScanDocument doc = new MultiScopeScan(2, CLOCK).run(member,
          new ScanScope(List.of(members.get(0)), true, Optional.of(ORG_ROLE), Optional.empty(), List.of(), false),
          Requests.of(Targets.allInRegion(), Settings.defaults()), (where, clients) -> List.of(),
          (done, total, outcome) -> { }).document();

      assertThat(doc.scopes()).extracting(ScanReport::account).containsExactly(members.get(0));
      assertThat(doc.problems()).singleElement().satisfies(p -> {
        assertThat(p.account()).isEmpty();
        assertThat(p.notEvaluated()).isTrue();
        assertThat(p.message()).startsWith("the organization lists no ACTIVE account to " + members.get(0))
            .contains("management account or a delegated administrator");
      });
      assertThat(doc.notEvaluated()).isEqualTo(1);
    }
  }

  @Test
  void roleWithExternalId_assumedOnlyWithThatId() {
    List<String> members = accounts.createMembers(1);
    String account = members.get(0);
    accounts.createRoleWithExternalId(account, "Auditor", "ext-7f3a");

    ScanDocument right = scan(new ScanScope(List.of(account), false, Optional.of("Auditor"),
        Optional.of("ext-7f3a"), List.of(), false), 2).document();
    ScanDocument wrong = scan(new ScanScope(List.of(account), false, Optional.of("Auditor"),
        Optional.of("ext-0000"), List.of(), false), 2).document();
    ScanDocument none = scan(new ScanScope(List.of(account), false, Optional.of("Auditor"),
        Optional.empty(), List.of(), false), 2).document();

    assertThat(right.problems()).isEmpty();
    assertThat(right.scopes()).extracting(ScanReport::account, ScanReport::region)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(account, "us-east-1"));
    assertThat(wrong.scopes()).isEmpty();
    assertThat(wrong.problems()).singleElement().extracting(ReportProblem::message).asString()
        .contains("AccessDenied");
    assertThat(none.problems()).singleElement().extracting(ReportProblem::message).asString()
        .contains("AccessDenied");
  }

  @Test
  void regionNotEnabled_isAProblemOfThatScope_sayingWhy_andTheRestIsScanned() {
    String endpoint = accounts.singleAzEndpoint(CALLER, Region.US_EAST_1);

    ScanDocument doc = scan(new ScanScope(List.of(), false, Optional.empty(), Optional.empty(),
        List.of("us-east-1", "ap-east-1"), false), 2).document();

    assertThat(report(doc, CALLER, "us-east-1").results()).extracting(r -> r.evaluation().resourceId()).contains(endpoint);
    assertThat(report(doc, CALLER, "ap-east-1").results()).isEmpty();
    assertThat(doc.problems()).singleElement().satisfies(p -> {
      assertThat(p.region()).contains("ap-east-1");
      assertThat(p.notEvaluated()).isTrue();
      assertThat(p.message()).startsWith("could not be read: ").contains("401")
          .endsWith("until the account enables it)");
    });
  }

  @Test
  void allRegions_scansExactlyTheRegionsEnabledForTheAccount() {
    ScanDocument doc = scan(new ScanScope(List.of(), false, Optional.empty(), Optional.empty(), List.of(), true), 8)
        .document();

    List<String> enabled = home.ec2().describeRegions(b -> b.allRegions(true)).regions().stream()
        .filter(r -> !r.optInStatus().equals("not-opted-in")).map(r -> r.regionName()).toList();
    assertThat(doc.scopes()).extracting(ScanReport::region).containsExactlyInAnyOrderElementsOf(enabled);
    assertThat(enabled).contains("us-east-1", "eu-west-1").doesNotContain("ap-east-1", "us-gov-west-1", "cn-north-1");
    assertThat(doc.problems()).isEmpty();
  }

  @Test
  void callsPerScope_sameAsAScanOfThatScopeAlone_andScopesRunAtMostConcurrencyAtOnce() {
    List<String> members = accounts.createMembers(2);
    for (String account : members) {
      accounts.singleAzEndpoint(account, Region.US_EAST_1);
      accounts.singleAzEndpoint(account, Region.EU_WEST_1);
    }
    accounts.singleAzEndpoint(CALLER, Region.US_EAST_1);
    ScanScope scope = new ScanScope(List.of(), true, Optional.of(ORG_ROLE), Optional.empty(),
        List.of("us-east-1", "eu-west-1"), false);

    counter.reset();
    scan(new ScanScope(List.of(), false, Optional.empty(), Optional.empty(), List.of(), false), 1);
    int alone = counter.ec2Calls().values().stream().mapToInt(Integer::intValue).max().orElseThrow();

    counter.reset();
    ScanDocument doc = scan(scope, 2).document();

    assertThat(doc.scopes()).hasSize(6);
    Map<String, Integer> perScope = counter.ec2Calls();
    // Each (credentials, Region) bucket is one scope: the same calls as a scan of it alone, whatever the fan-out.
    assertThat(perScope).hasSize(6);
    assertThat(perScope.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(alone));
    assertThat(counter.maxScopesInFlight()).isBetween(1, 2);
    // Around the scopes: one GetCallerIdentity, one ListAccounts page, one AssumeRole per other account.
    assertThat(counter.calls("GetCallerIdentity")).isEqualTo(1);
    assertThat(counter.calls("ListAccounts")).isEqualTo(1);
    assertThat(counter.calls("AssumeRole")).isEqualTo(2);
  }

  // ---- fixtures --------------------------------------------------------------------------------------------------

  private MultiScopeScan.Result scan(ScanScope scope, int concurrency) {
    return new MultiScopeScan(concurrency, CLOCK).run(home, scope,
        Requests.of(Targets.allInRegion(), Settings.defaults()), (where, clients) -> List.of(),
        (done, total, outcome) -> { });
  }

  private static ScanReport report(ScanDocument doc, String account, String region) {
    return doc.scopes().stream().filter(s -> s.account().equals(account) && s.region().equals(region))
        .findFirst().orElseThrow(() -> new AssertionError("no scope " + account + "/" + region));
  }

  /**
   * Counts calls per operation, EC2 calls per scope — a scope is the (access key, Region) a request is signed with:
   * each assumed role has keys of its own — and the most scopes with a call in flight at once.
   */
  static final class ScopeCounter implements ExecutionInterceptor {
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/");
    private final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ec2 = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<String> busy = Collections.newSetFromMap(new ConcurrentHashMap<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      operations.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
          k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      scope(context.httpRequest().firstMatchingHeader("Authorization").orElse("")).ifPresent(s -> {
        if (s.endsWith("/ec2")) {
          ec2.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
          synchronized (this) {
            inFlight.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
            busy.add(s);
            maxInFlight.accumulateAndGet(busy.size(), Math::max);
          }
        }
      });
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
      scope(context.httpRequest().firstMatchingHeader("Authorization").orElse("")).ifPresent(s -> {
        if (s.endsWith("/ec2")) {
          synchronized (this) {
            if (inFlight.get(s).decrementAndGet() == 0) {
              busy.remove(s);
            }
          }
        }
      });
    }

    private static Optional<String> scope(String authorization) {
      Matcher m = SCOPE.matcher(authorization);
      return m.find() ? Optional.of(m.group(1) + "/" + m.group(2) + "/" + m.group(3)) : Optional.empty();
    }

    int calls(String operation) {
      AtomicInteger n = operations.get(operation);
      return n == null ? 0 : n.get();
    }

    Map<String, Integer> ec2Calls() {
      Map<String, Integer> out = new java.util.TreeMap<>();
      ec2.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }

    int maxScopesInFlight() {
      return maxInFlight.get();
    }

    void reset() {
      operations.clear();
      ec2.clear();
      inFlight.clear();
      busy.clear();
      maxInFlight.set(0);
    }
  }
}
