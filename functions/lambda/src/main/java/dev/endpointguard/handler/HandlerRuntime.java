package dev.endpointguard.handler;

import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Pipeline;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.engine.SettingsException;
import dev.endpointguard.engine.Wiring;
import dev.endpointguard.inventory.Inventory;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.sink.AlertPublisher;
import dev.endpointguard.sink.ConfigEvaluationWriter;
import dev.endpointguard.sink.SecurityHubSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Everything a handler needs, built once per execution environment (in the handler's constructor): one set of
 * clients, the pipeline, the alert publisher when a topic is set, the Config writer, and the settings — or, when they
 * are invalid, their problems (a handler then fails every invocation until the operator fixes them).
 */
public final class HandlerRuntime {
  static final String ENV_REGION = "AWS_REGION";
  static final String ENV_METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
  static final String ENV_LAMBDA_FUNCTION = "AWS_LAMBDA_FUNCTION_NAME";
  static final String ENV_EMF_ENVIRONMENT = "AWS_EMF_ENVIRONMENT";
  /**
   * {@code on}: import the findings into Security Hub (template.yaml sets it from EnableSecurityHub); {@code off} or
   * unset: do not.
   */
  public static final String ENV_SECURITY_HUB = "SECURITY_HUB";
  /** The sweep's hand-over queue (SweepFunction only): where a sweep short of time leaves the VPCs not started. */
  static final String ENV_SWEEP_QUEUE_URL = "SWEEP_QUEUE_URL";

  private final AwsClients clients;
  private final Inventory inventory;
  private final Pipeline pipeline;
  private final Optional<Settings> settings;
  private final List<String> settingsProblems;
  private final Optional<AlertPublisher> alerts;
  private final ConfigEvaluationWriter configEvaluations;
  private final boolean securityHub;
  private final Clock clock;
  private final Metrics metrics;
  private final Priming priming;
  private final Optional<String> sweepQueueUrl;

  private HandlerRuntime(AwsClients clients, Map<String, String> env, Clock clock) {
    this.clients = clients;
    this.inventory = new Inventory(clients);
    this.pipeline = Wiring.pipeline(inventory, clients, clock);
    Optional<Settings> valid;
    List<String> problems = new ArrayList<>();
    try {
      valid = Optional.of(Settings.fromEnvironment(env));
    } catch (SettingsException e) {
      valid = Optional.empty();
      problems.addAll(e.problems());
    }
    this.securityHub = securityHubSwitch(env.get(ENV_SECURITY_HUB), problems);
    if (!problems.isEmpty()) {
      valid = Optional.empty();
    }
    this.settings = valid;
    this.settingsProblems = List.copyOf(problems);
    this.clock = clock;
    this.alerts = valid.flatMap(Settings::alertTopicArn).map(topic -> new AlertPublisher(clients::sns, topic));
    this.configEvaluations = new ConfigEvaluationWriter(clients::config);
    this.metrics = metrics(env);
    this.priming = new Priming(clients, pipeline);
    this.sweepQueueUrl = Optional.ofNullable(env.get(ENV_SWEEP_QUEUE_URL)).filter(url -> !url.isBlank());
  }

  /** {@code SECURITY_HUB}: on or off (unset or empty: off); anything else is a settings problem. */
  static boolean securityHubSwitch(String value, List<String> problems) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("off")) {
      return false;
    }
    if (v.equals("on")) {
      return true;
    }
    problems.add(ENV_SECURITY_HUB + ": '" + value + "' is not on or off");
    return false;
  }

  /** In Lambda: the function's region ({@code AWS_REGION}), its role's credentials, settings from its environment. */
  public static HandlerRuntime fromEnvironment() {
    Map<String, String> env = System.getenv();
    String region = env.get(ENV_REGION);
    if (region == null || region.isBlank()) {
      throw new IllegalStateException(ENV_REGION + " is not set: Lambda sets it; elsewhere pass the region");
    }
    HandlerRuntime runtime = create(env, AwsClients.Target.aws(Region.of(region)));
    // The SnapStart hook: a dry run before the snapshot (or now, with ENDPOINT_GUARD_PRIME=1).
    runtime.priming.register(env);
    return runtime;
  }

  /** For the CLI and tests: settings from {@code env}, AWS reached through {@code target}. */
  public static HandlerRuntime create(Map<String, String> env, AwsClients.Target target) {
    return new HandlerRuntime(new AwsClients(target), Map.copyOf(env), Clock.systemUTC());
  }

  private static Metrics metrics(Map<String, String> env) {
    // Whether this process runs in Lambda is the process's own environment, not the settings map (the CLI's invoke
    // names the function in that map). Outside Lambda the EMF library would probe EC2 metadata and a local metrics
    // daemon: write to stdout instead.
    if (System.getenv(ENV_LAMBDA_FUNCTION) == null && System.getenv(ENV_EMF_ENVIRONMENT) == null) {
      EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }
    Metrics m = MetricsFactory.getMetricsInstance();
    String namespace = env.get(ENV_METRICS_NAMESPACE);
    m.setNamespace(namespace == null || namespace.isBlank() ? InvocationMetrics.DEFAULT_NAMESPACE : namespace);
    return m;
  }

  public AwsClients clients() {
    return clients;
  }

  public Inventory inventory() {
    return inventory;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Optional<AlertPublisher> alerts() {
    return alerts;
  }

  public ConfigEvaluationWriter configEvaluations() {
    return configEvaluations;
  }

  /**
   * The Security Hub sink over this function's clients when {@code SECURITY_HUB=on}: every evaluation, or with
   * {@code notApplicableOnly} the NOT_APPLICABLE ones (the Config rule function's verdicts on resources gone).
   */
  public Optional<SecurityHubSink> securityHub(boolean notApplicableOnly) {
    if (!securityHub) {
      return Optional.empty();
    }
    return Optional.of(notApplicableOnly ? SecurityHubSink.notApplicableOnly(clients::securityHub, clock)
        : SecurityHubSink.everyEvaluation(clients::securityHub, clock));
  }

  /** The sweep's hand-over queue ({@code SWEEP_QUEUE_URL}), if set. */
  public Optional<String> sweepQueueUrl() {
    return sweepQueueUrl;
  }

  /** The priming dry run, held here because the runtime keeps its hooks only weakly. */
  public Priming priming() {
    return priming;
  }

  Metrics metrics() {
    return metrics;
  }

  /** The validated settings; when invalid, an exception naming every problem. */
  public Settings settings() {
    return settings.orElseThrow(() -> new SettingsException(settingsProblems));
  }

  /** The account (STS, once) and region this function serves: events from elsewhere are foreign. */
  public AccountRegion scope() {
    return new AccountRegion(inventory.accountId(), clients.region().id());
  }

  /**
   * The same, learning the account from the invoked function's ARN when it is one in this region (Lambda's context
   * always gives one), so that a function that never needs its own identity never calls STS.
   */
  public AccountRegion scope(String invokedFunctionArn) {
    FunctionArn.account(invokedFunctionArn, clients.region().id()).ifPresent(inventory::useAccount);
    return scope();
  }

  /** The identity our own calls are made as (STS, the same cached call): recognises events our fixes cause. */
  public String ownIdentityArn() {
    return inventory.callerArn();
  }

  @Override
  public String toString() {
    return "HandlerRuntime[" + clients.region() + ", " + settings.map(Object::toString)
        .orElse("invalid settings: " + settingsProblems) + "]";
  }
}
