package dev.endpointguard.cli;

import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.alert.AlertPublisher;
import dev.endpointguard.alert.PublishResult;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Guard;
import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.Wiring;
import dev.endpointguard.inventory.Targets;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.RuleId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scan}: evaluate the endpoints of one account and region; read-only unless {@code --fix}. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Evaluates the VPC endpoints of one account and region against every rule.",
        "Read-only unless --fix, which applies every safe plan and verifies it."})
final class ScanCommand implements Callable<Integer> {

  enum Format { text, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  AwsOptions aws = new AwsOptions();

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

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  Format format;

  @Option(names = "--fix", description = "Apply every safe plan (remediate mode for every rule scanned).")
  boolean fix;

  @Option(names = "--alert-topic-arn", paramLabel = "ARN",
      description = "Also publish the findings to this SNS topic, as the deployed functions do.")
  String alertTopicArn;

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
    AwsClients.Target target;
    try {
      settings = settings();
      targets = targets();
      target = aws.target(spec.commandLine());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (AwsClients clients = new AwsClients(target)) {
      Guard guard = Wiring.guard(clients);
      Guard.Run run = guard.run(targets, settings);
      ScanReport report = run.report();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      run.problems().forEach(p -> err.println("endpoint-guard: " + (p.leftOut() ? "not evaluated: " : "incomplete: ")
          + p.resourceId() + ": " + p.problem()));
      err.flush();
      settings.alertTopicArn().ifPresent(topic -> publish(clients, topic, report, settings));
      if (format == Format.json) {
        out.println(ReportJson.toJson(ReportJson.report(report), true));
        out.flush();
      } else {
        new TextReport(Terminal.colour()).print(report, out);
      }
      return report.remainingNonCompliant() > 0 ? EndpointGuardCli.NON_COMPLIANT : EndpointGuardCli.OK;
    }
  }

  private void publish(AwsClients clients, String topic, ScanReport report, Settings settings) {
    List<AlertMessage> messages = new AlertFormatter().format(report,
        new AlertContext("cli", UUID.randomUUID().toString(), settings.azHourPriceUsd()));
    PublishResult published = new AlertPublisher(clients.sns(), topic).publish(messages);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("alerts: %d published to %s%n", published.published(), topic);
    published.failures().forEach(f -> err.printf("alerts: not published (%s): %s%n", f.errorCode(), f.message()));
    err.flush();
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
    return Targets.all();
  }
}
