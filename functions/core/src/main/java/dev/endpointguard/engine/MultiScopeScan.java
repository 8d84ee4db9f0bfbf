package dev.endpointguard.engine;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.aws.AwsErrors;
import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.inventory.InventoryProblem;
import dev.endpointguard.inventory.ScanScopes;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * A scan of every scope (account × Region) a {@link ScanScope} names, each through its own pipeline, at most
 * {@code concurrency} at a time. EC2 throttles each account in each Region on its own, so scopes do not compete for
 * request tokens; the bound keeps the machine's threads and connections in reason
 * (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). One scope, account or Region that cannot
 * be read (a role that cannot be assumed, a Region not enabled, access denied) becomes a problem of the report and
 * never keeps the others from their scan.
 */
public final class MultiScopeScan {
  /** The default bound on scopes scanned at once. */
  public static final int DEFAULT_CONCURRENCY = 8;
  /** The session name CloudTrail records for the roles the scan assumes. */
  static final String SESSION_NAME = "endpoint-guard";

  /** The sinks of one scope, given its clients (Security Hub must be written with the scope's own account). */
  @FunctionalInterface
  public interface SinkFactory {
    List<Sink> sinks(AccountRegion scope, AwsClients scopeClients);
  }

  /** What became of one scope: its outcomes, or why it could not be read. */
  public record ScopeOutcome(AccountRegion scope, Optional<Outcomes> outcomes, Optional<String> failure) {
    public ScopeOutcome {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(outcomes, "outcomes");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /**
   * Told of each scope as it finishes, from the worker threads (an implementation that writes must serialize its
   * writes): the number done so far, the number in all, the outcome.
   */
  @FunctionalInterface
  public interface Progress {
    void done(int finished, int total, ScopeOutcome outcome);
  }

  /** The whole scan: the report, and each scope's outcome in scope order. */
  public record Result(ScanDocument document, List<ScopeOutcome> scopes) {
  }

  private final int concurrency;
  private final Clock clock;

  /**
   * @param concurrency scopes scanned at once, 1 to 64
   * @throws IllegalArgumentException outside 1..64
   */
  public MultiScopeScan(int concurrency, Clock clock) {
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be 1 to 64, not " + concurrency);
    }
    this.concurrency = concurrency;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Resolves the scopes and scans them.
   *
   * @param home    the caller's clients in the home Region: who the caller is (one GetCallerIdentity), the
   *                organization's accounts, the roles assumed, and each account's Regions are read through them
   * @param scope   what to scan
   * @param request the targets and settings every scope is evaluated with
   * @throws SdkException when the caller's identity cannot be read (no or bad credentials): without it there is
   *                      nothing to scan
   */
  public Result run(AwsClients home, ScanScope scope, Request request, SinkFactory sinks, Progress progress) {
    String caller = new Inventory(home).accountId();
    List<ReportProblem> accountProblems = new ArrayList<>();
    List<String> accounts = accounts(home, scope, caller, accountProblems);
    List<Task> tasks = new ArrayList<>();
    List<StsAssumeRoleCredentialsProvider> sessions = new ArrayList<>();
    try {
      for (String account : accounts) {
        AwsClients.Target target = home.target();
        if (!account.equals(caller)) {
          String roleArn = "arn:" + target.partition() + ":iam::" + account + ":role/" + scope.roleName().orElseThrow();
          StsAssumeRoleCredentialsProvider role = home.assumeRole(roleArn, scope.externalId(), SESSION_NAME);
          sessions.add(role);
          Optional<String> refused = resolve(role);
          if (refused.isPresent()) {
            accountProblems.add(ReportProblem.account(account, "could not assume " + roleArn + ": " + refused.get()));
            continue;
          }
          target = target.withCredentials(role);
        }
        List<String> regions;
        try {
          regions = regions(scope, target);
        } catch (SdkException e) {
          accountProblems.add(ReportProblem.account(account, "could not list the Regions enabled for the account: "
              + AwsErrors.describe(e)));
          continue;
        }
        for (String region : regions) {
          tasks.add(new Task(new AccountRegion(account, region), target.inRegion(Region.of(region))));
        }
      }
      List<ScopeOutcome> outcomes = scan(tasks, request, sinks, progress);
      return new Result(document(outcomes, accountProblems), outcomes);
    } finally {
      sessions.forEach(StsAssumeRoleCredentialsProvider::close);
    }
  }

  private record Task(AccountRegion scope, AwsClients.Target target) {
  }

  /**
   * The accounts to scan. The organization's list comes from ListAccounts, which answers only in the management
   * account or a delegated administrator's: a refusal, or a list with no active account, is a problem of the scan
   * (the named accounts are still scanned), never an empty scan that passes.
   */
  private static List<String> accounts(AwsClients home, ScanScope scope, String caller,
                                       List<ReportProblem> problems) {
    if (scope.callerOnly()) {
      return List.of(caller);
    }
    LinkedHashSet<String> accounts = new LinkedHashSet<>(scope.accountIds());
    if (scope.organization()) {
      String where = " (organizations:ListAccounts answers only in the organization's management account or a"
          + " delegated administrator account; https://docs.aws.amazon.com/organizations/latest/APIReference/"
          + "API_ListAccounts.html)";
      try {
        List<String> listed = ScanScopes.organizationAccounts(home.organizations());
        if (listed.isEmpty()) {
          problems.add(ReportProblem.general("the organization lists no ACTIVE account to " + caller + where));
        }
        accounts.addAll(listed);
      } catch (SdkException e) {
        problems.add(ReportProblem.general("could not list the organization's accounts: " + AwsErrors.describe(e)
            + where));
      }
    }
    return List.copyOf(accounts);
  }

  private static List<String> regions(ScanScope scope, AwsClients.Target target) {
    if (scope.allRegions()) {
      try (AwsClients clients = new AwsClients(target)) {
        return ScanScopes.enabledRegions(clients.ec2());
      }
    }
    return scope.regions().isEmpty() ? List.of(target.region().id()) : scope.regions();
  }

  /** Calls AssumeRole now, so that a role that cannot be assumed is one problem of its account, not one per Region. */
  private static Optional<String> resolve(AwsCredentialsProvider role) {
    try {
      role.resolveCredentials();
      return Optional.empty();
    } catch (SdkException e) {
      return Optional.of(AwsErrors.describe(e));
    }
  }

  private List<ScopeOutcome> scan(List<Task> tasks, Request request, SinkFactory sinks, Progress progress) {
    if (tasks.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, tasks.size()), r -> {
      Thread t = new Thread(r, "endpoint-guard-scope");
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger finished = new AtomicInteger();
      List<Future<ScopeOutcome>> futures = new ArrayList<>();
      for (Task task : tasks) {
        futures.add(pool.submit(() -> {
          ScopeOutcome outcome = scanOne(task, request, sinks);
          progress.done(finished.incrementAndGet(), tasks.size(), outcome);
          return outcome;
        }));
      }
      List<ScopeOutcome> outcomes = new ArrayList<>();
      for (Future<ScopeOutcome> f : futures) {
        outcomes.add(join(f));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private ScopeOutcome scanOne(Task task, Request request, SinkFactory sinks) {
    try (AwsClients clients = new AwsClients(task.target())) {
      Inventory inventory = new Inventory(clients);
      inventory.useAccount(task.scope().account());
      Pipeline pipeline = Wiring.pipeline(inventory, clients, clock);
      Outcomes outcomes = pipeline.run(request, sinks.sinks(task.scope(), clients));
      return new ScopeOutcome(task.scope(), Optional.of(outcomes), Optional.empty());
    } catch (SdkException e) {
      return new ScopeOutcome(task.scope(), Optional.empty(), Optional.of(failure(e)));
    }
  }

  /**
   * Why a scope could not be read. EC2 answers AuthFailure (HTTP 401) in a Region the account has not enabled; the
   * URL-connection HTTP client cannot read the body of a 401, so the error may arrive as a bare "HTTP 401".
   */
  static String failure(SdkException e) {
    String why = AwsErrors.describe(e);
    String code = AwsErrors.code(e);
    if ("AuthFailure".equals(code) || "HTTP 401".equals(code)) {
      // https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html
      return "could not be read: " + why + " (EC2 answers AuthFailure, HTTP 401, in a Region launched after March"
          + " 2019 until the account enables it)";
    }
    return "could not be read: " + why;
  }

  private static ScopeOutcome join(Future<ScopeOutcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private ScanDocument document(List<ScopeOutcome> outcomes, List<ReportProblem> accountProblems) {
    List<ScanReport> reports = new ArrayList<>();
    List<ReportProblem> problems = new ArrayList<>(accountProblems);
    for (ScopeOutcome o : outcomes) {
      AccountRegion scope = o.scope();
      if (o.failure().isPresent()) {
        reports.add(new ScanReport(scope.account(), scope.region(), List.of()));
        problems.add(ReportProblem.scope(scope, o.failure().get()));
        continue;
      }
      Run run = o.outcomes().orElseThrow().run();
      reports.add(run.report());
      for (InventoryProblem p : run.problems()) {
        problems.add(ReportProblem.resource(scope, p.resourceId(), p.problem(), p.leftOut()));
      }
    }
    return new ScanDocument(clock.instant(), reports, problems);
  }
}
