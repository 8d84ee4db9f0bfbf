package dev.endpointguard.cli;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Outcomes;
import dev.endpointguard.engine.Pipeline;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.engine.Wiring;
import dev.endpointguard.model.Targets;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.sink.AlertPublisher;
import dev.endpointguard.sink.AlertSink;
import java.io.PrintWriter;
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

  @Option(names = "--plan-out", paramLabel = "FILE", description = "Write every plan of the scan to FILE"
      + " (endpoint-guard-plan/1: each change with the state it was computed against, sealed by a digest) for review;"
      + " 'endpoint-guard apply FILE' then applies exactly those changes. Not with --fix.")
  Path planOut;

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
    Optional<Sink> planFile;
    try {
      settings = settings();
      targets = targets();
      target = aws.target(spec.commandLine());
      planFile = PlanFileOutput.forScan(planOut, fix, Clock.systemUTC(), spec.commandLine().getErr());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (AwsClients clients = new AwsClients(target)) {
      Pipeline pipeline = Wiring.pipeline(clients);
      Request request = new Request(targets, settings, new RunSource("cli", UUID.randomUUID().toString()));
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<Sink> sinks = new ArrayList<>();
      settings.alertTopicArn().ifPresent(topic ->
          sinks.add(new AlertSink(new AlertPublisher(clients.sns(), topic), AlertSink.Style.PER_FINDING)));
      planFile.ifPresent(sinks::add);
      sinks.add(new ReportOutput(format == Format.json, Terminal.colour(), out, err));
      Outcomes outcomes = pipeline.run(request, sinks);
      outcomes.delivery(AlertSink.NAME).ifPresent(d -> {
        err.printf("alerts: %d published to %s%n", d.delivered(), settings.alertTopicArn().orElseThrow());
        d.problems().forEach(p -> err.printf("alerts: %s%n", p));
        err.flush();
      });
      return outcomes.run().report().remainingNonCompliant() > 0 ? EndpointGuardCli.NON_COMPLIANT
          : EndpointGuardCli.OK;
    }
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
