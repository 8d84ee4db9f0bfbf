package dev.endpointguard.cli;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.MultiScopeScan;
import dev.endpointguard.engine.MultiScopeScan.ScopeOutcome;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.ScanScope;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.sink.AlertPublisher;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.SecurityHubSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scan}: evaluate the endpoints of one or more accounts and Regions; read-only unless {@code --fix}.
 *
 * <p>Exit codes (DESIGN.md §3): 3 when NON_COMPLIANT findings remain, else 4 when something in scope could not be
 * evaluated (a resource, a Region, an account), else 0.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Evaluates the VPC endpoints of one or more accounts and Regions against every rule.",
        "Read-only unless --fix, which applies every safe plan and verifies it."})
final class ScanCommand implements Callable<Integer> {

  enum Format { text, json, html }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  AwsOptions aws = new AwsOptions();

  @Option(names = "--all-regions",
      description = "Scan every Region enabled for each account (DescribeRegions), instead of --region.")
  boolean allRegions;

  @Option(names = "--account-id", paramLabel = "ACCOUNT",
      description = "Scan this account through --role-name (repeatable). Without it: the credentials' own account.")
  List<String> accountIds = new ArrayList<>();

  @Option(names = "--accounts-file", paramLabel = "FILE",
      description = "Scan the accounts listed in FILE: one 12-digit id per line; blank lines and # comments ignored.")
  Path accountsFile;

  @Option(names = "--organization",
      description = "Scan every ACTIVE account of the credentials' organization (organizations:ListAccounts, from the"
          + " management or a delegated administrator account), through --role-name.")
  boolean organization;

  @Option(names = "--role-name", paramLabel = "NAME",
      description = "The role assumed in each other account: arn:<partition>:iam::<account>:role/NAME.")
  String roleName;

  @Option(names = "--external-id", paramLabel = "ID", description = "The external id the role's trust policy asks for.")
  String externalId;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Accounts × Regions scanned at once, 1 to 64 (default ${DEFAULT-VALUE}).")
  int concurrency = MultiScopeScan.DEFAULT_CONCURRENCY;

  @Option(names = "--vpc-endpoint-id", paramLabel = "ID", description = "Scan only these endpoints (repeatable).")
  List<String> endpointIds = new ArrayList<>();

  @Option(names = "--vpc-id", paramLabel = "ID", description = "Scan only the endpoints of these VPCs (repeatable).")
  List<String> vpcIds = new ArrayList<>();

  @Option(names = "--rule", paramLabel = "ID", description = "Evaluate only these rules (repeatable): ${COMPLETION-CANDIDATES}",
      completionCandidates = RuleIds.class)
  List<String> rules = new ArrayList<>();

  @Option(names = "--trusted-account-id", paramLabel = "ACCOUNT", description = "Accounts trusted besides the scanned one.")
  List<String> trustedAccounts = new ArrayList<>();

  @Option(names = "--trusted-org-id", paramLabel = "ORG", description = "Trusted AWS Organizations ids (o-...)."
      + " Without one, only the scanned account's own organization is trusted (read with"
      + " organizations:DescribeOrganization when a policy names an organization); any other is reported with how"
      + " to trust it.")
  List<String> trustedOrgs = new ArrayList<>();

  @Option(names = "--min-azs", paramLabel = "N", description = "AZs an Interface endpoint must span (default 2).")
  String minAzs;

  @Option(names = "--az-hour-price", paramLabel = "USD", description = "Price of one endpoint AZ-hour (default 0.01).")
  String azHourPrice;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json (the endpoint-guard/1 report) or html (one self-contained page).")
  Format format;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the HTML page to FILE, whatever --format writes on stdout.")
  Path htmlFile;

  @Option(names = "--all", description = "Text report: every evaluation, not only the findings.")
  boolean all;

  @Option(names = "--progress", negatable = true,
      description = "Progress of a scan of several accounts or Regions on stderr (default: on at a terminal).")
  Boolean progress;

  @Option(names = "--fix", description = "Apply every safe plan (remediate mode for every rule scanned).")
  boolean fix;

  @Option(names = "--plan-out", paramLabel = "FILE", description = "Write every plan of the scan to FILE"
      + " (endpoint-guard-plan/1: each change with the state it was computed against, sealed by a digest) for review;"
      + " 'endpoint-guard apply FILE' then applies exactly those changes. Not with --fix.")
  Path planOut;

  @Option(names = "--alert-topic-arn", paramLabel = "ARN",
      description = "Also publish the findings to this SNS topic, as the deployed functions do.")
  String alertTopicArn;

  @Option(names = "--security-hub", description = "Also import the findings into Security Hub (the scanned account"
      + " and Region's hub, which must be enabled), as the deployed functions do with EnableSecurityHub.")
  boolean securityHub;

  static final class RuleIds extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    RuleIds() {
      for (RuleId r : RuleId.values()) {
        add(r.id());
      }
    }
  }

  @Override
  public Integer call() {
    Settings settings;
    Targets targets;
    ScanScope scope;
    AwsClients.Target home;
    MultiScopeScan scan;
    Optional<PlanFileOutput> planFile;
    try {
      settings = settings();
      targets = targets();
      scope = scope();
      home = allRegions ? aws.homeForAllRegions(spec.commandLine()) : aws.target(spec.commandLine());
      scan = new MultiScopeScan(concurrency, Clock.systemUTC());
      planFile = PlanFileOutput.forScan(planOut, fix, Clock.systemUTC(), spec.commandLine().getErr(),
          aws.connectionArgs());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AwsClients homeClients = new AwsClients(home)) {
      Request request = new Request(targets, settings, new RunSource("cli", UUID.randomUUID().toString()));
      // Alerts go to the caller's topic: published with the caller's own clients, whichever account was scanned.
      Optional<AlertPublisher> alerts = settings.alertTopicArn()
          .map(topic -> new AlertPublisher(homeClients.sns(), topic));
      MultiScopeScan.SinkFactory sinks = (where, scopeClients) -> {
        List<Sink> list = new ArrayList<>();
        alerts.ifPresent(p -> list.add(new AlertSink(p, AlertSink.Style.PER_FINDING)));
        if (securityHub) {
          // Each account imports its own findings into its own hub: the scope's clients.
          list.add(securityHubSink(scopeClients, err));
        }
        return list;
      };
      boolean showProgress = progress != null ? progress : Terminal.interactive();
      MultiScopeScan.Result result = scan.run(homeClients, scope, request, sinks,
          showProgress ? new ProgressLine(err) : (done, total, outcome) -> { });
      reportAlerts(result, settings, err);
      ScanDocument document = result.document();
      planFile.ifPresent(p -> p.write(document));
      if (htmlFile != null) {
        ReportOutput.writeHtml(document, htmlFile);
        err.printf("html: report written to %s%n", htmlFile);
        err.flush();
      }
      new ReportOutput(format, Terminal.colour(), all, out, err).write(document);
      if (document.remainingNonCompliant() > 0) {
        return EndpointGuardCli.NON_COMPLIANT;
      }
      return document.notEvaluated() > 0 ? EndpointGuardCli.NOT_EVALUATED : EndpointGuardCli.OK;
    }
  }

  /**
   * The Security Hub sink over the scanned scope's clients; its tally and problems go to {@code err}, one scope's
   * lines together (scopes finish on several threads).
   */
  static Sink securityHubSink(AwsClients clients, PrintWriter err) {
    Sink sink = SecurityHubSink.everyEvaluation(clients::securityHub, Clock.systemUTC());
    return run -> {
      Delivery d = sink.deliver(run);
      synchronized (err) {
        err.printf("securityHub: %d imported, %d failed in %s/%s%n", d.delivered(), d.failed(),
            run.scope().account(), run.scope().region());
        d.problems().forEach(p -> err.printf("securityHub: %s%n", p));
        err.flush();
      }
      return d;
    };
  }

  private static void reportAlerts(MultiScopeScan.Result result, Settings settings, PrintWriter err) {
    for (ScopeOutcome o : result.scopes()) {
      o.outcomes().flatMap(x -> x.delivery(AlertSink.NAME)).ifPresent(d -> {
        err.printf("alerts: %s/%s: %d published to %s%n", o.scope().account(), o.scope().region(), d.delivered(),
            settings.alertTopicArn().orElseThrow());
        d.problems().forEach(p -> err.printf("alerts: %s/%s: %s%n", o.scope().account(), o.scope().region(), p));
      });
    }
    err.flush();
  }

  /** One line per finished scope on stderr: "[3/12] 111122223333 eu-west-1: 4 evaluated, 1 NON_COMPLIANT". */
  private record ProgressLine(PrintWriter err) implements MultiScopeScan.Progress {
    @Override
    public void done(int finished, int total, ScopeOutcome outcome) {
      if (total < 2) {
        return;
      }
      AccountRegion s = outcome.scope();
      String what = outcome.failure().orElseGet(() -> {
        var summary = outcome.outcomes().orElseThrow().run().report().summary();
        return summary.evaluated() + " evaluated, " + summary.nonCompliant() + " NON_COMPLIANT";
      });
      synchronized (err) {
        err.printf("[%d/%d] %s %s: %s%n", finished, total, s.account(), s.region(), what);
        err.flush();
      }
    }
  }

  private ScanScope scope() {
    List<String> accounts = new ArrayList<>(accountIds);
    if (accountsFile != null) {
      accounts.addAll(readAccountsFile(accountsFile));
    }
    if (allRegions && !aws.regions.isEmpty()) {
      throw new IllegalArgumentException("use --region or --all-regions, not both");
    }
    if (externalId != null && roleName == null) {
      throw new IllegalArgumentException("--external-id goes with --role-name");
    }
    if ((organization || !accounts.isEmpty()) && roleName == null) {
      throw new IllegalArgumentException("other accounts are scanned through a role: add --role-name NAME");
    }
    for (String a : accountIds) {
      if (!a.matches("\\d{12}")) {
        throw new IllegalArgumentException("--account-id '" + a + "' is not an AWS account id (12 digits)");
      }
    }
    return new ScanScope(accounts, organization, Optional.ofNullable(roleName), Optional.ofNullable(externalId),
        aws.regionNames(), allRegions);
  }

  /**
   * The account ids of an accounts file: one 12-digit id per line, surrounding blanks trimmed; blank lines and text
   * after {@code #} ignored.
   *
   * @throws IllegalArgumentException when the file cannot be read, a line is not an account id (with its number), or
   *                                  the file names no account
   */
  static List<String> readAccountsFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("--accounts-file " + file + ": cannot be read ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!id.matches("\\d{12}")) {
        throw new IllegalArgumentException("--accounts-file " + file + " line " + (i + 1) + ": '" + id
            + "' is not an AWS account id (12 digits)");
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("--accounts-file " + file + " names no account");
    }
    return ids;
  }

  private Settings settings() {
    List<RuleId> selected = Settings.parseRuleIds(rules);
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      boolean on = selected.isEmpty() || selected.contains(r);
      modes.put(r, !on ? Mode.OFF : fix ? Mode.REMEDIATE : Mode.ALERT);
    }
    Settings s = Settings.fromValues(trustedAccounts, trustedOrgs, minAzs, azHourPrice, modes);
    return alertTopicArn == null ? s : s.withAlertTopic(alertTopicArn, "--alert-topic-arn");
  }

  private Targets targets() {
    if (!endpointIds.isEmpty() && !vpcIds.isEmpty()) {
      throw new IllegalArgumentException("use --vpc-endpoint-id or --vpc-id, not both");
    }
    if (!endpointIds.isEmpty()) {
      return Targets.endpoints(endpointIds);
    }
    if (!vpcIds.isEmpty()) {
      return Targets.vpcs(vpcIds);
    }
    return Targets.allInRegion();
  }
}
