package dev.endpointguard.handler;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Pipeline;
import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.EndpointServiceSnapshot;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.IngressRule;
import dev.endpointguard.model.OwnOrganization;
import dev.endpointguard.model.RouteEntry;
import dev.endpointguard.model.RouteTableInfo;
import dev.endpointguard.model.RouteTarget;
import dev.endpointguard.model.SecurityGroupInfo;
import dev.endpointguard.model.ServiceFacts;
import dev.endpointguard.model.SubnetInfo;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcInfo;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.trigger.CloudTrailDecoder;
import dev.endpointguard.trigger.ComplianceChangeDecoder;
import dev.endpointguard.trigger.ConfigRuleEventDecoder;
import dev.endpointguard.trigger.Decoded;
import dev.endpointguard.trigger.ScheduleDecoder;
import dev.endpointguard.trigger.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * The SnapStart priming hook: before Lambda snapshots the initialized function, a dry run loads and warms what the
 * first invocation would otherwise pay for — Jackson and the event decoders, the rules and the policy parser over a
 * synthetic estate, the alert and result formatters, Powertools logging, and each SDK client's request pipeline up
 * to signing. It writes nothing to AWS and sends nothing: every SDK request is stopped before it is sent
 * ({@link DryRunInterceptor}), and every rule runs in alert mode, so the executor is never called.
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html
 *
 * <p>Outside SnapStart, {@code ENDPOINT_GUARD_PRIME=1} runs the same dry run at init (to measure its effect).
 */
public final class Priming implements Resource {
  static final String ENV_PRIME = "ENDPOINT_GUARD_PRIME";

  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private static final String ACCOUNT = "123456789012";
  private static final String REGION = "us-east-1";
  private static final String VPC = "vpc-0e0d0c0b0a0900001";
  private static final String SERVICE = "com.amazonaws.us-east-1.ssm";
  private static final String BROAD_POLICY = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
  /** Sample events, one per decoder, copied from events/ (the deployment package holds no events/ folder). */
  private static final String SAMPLES = "/dev/endpointguard/handler/priming/";

  private final AwsClients clients;
  private final Pipeline pipeline;

  public Priming(AwsClients clients, Pipeline pipeline) {
    this.clients = clients;
    this.pipeline = pipeline;
  }

  /**
   * Registers the hook with the runtime's checkpoint (a no-op where no CRaC implementation runs) and, when
   * {@code ENDPOINT_GUARD_PRIME=1}, primes now. The caller keeps this object: the runtime holds hooks weakly.
   */
  public Optional<PrimingReport> register(Map<String, String> env) {
    Core.getGlobalContext().register(this);
    return "1".equals(env.get(ENV_PRIME)) ? Optional.of(prime()) : Optional.empty();
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: credentials come from the environment at each call; the HTTP client holds no connection.
  }

  /** The dry run. Never throws for an SDK or decoding surprise: priming must not stop a function from starting. */
  public PrimingReport prime() {
    long start = System.nanoTime();
    List<String> rejected = new ArrayList<>();
    int decoded = decodeSamples(rejected);
    ScanReport report = evaluateSyntheticEstate();
    formatResults(report);
    List<String> failures = new ArrayList<>();
    int stopped = warmClients(failures);
    PrimingReport result = new PrimingReport(Duration.ofNanos(System.nanoTime() - start), decoded, rejected,
        report.results().size(), (int) report.results().stream().filter(r -> r.evaluation().nonCompliant()).count(),
        (int) report.results().stream().filter(r -> r.outcome() == Outcome.PLANNED).count(), stopped, failures);
    LOG.info("primed", entry("ms", result.elapsed().toMillis()), entry("eventsDecoded", decoded),
        entry("evaluations", result.evaluations()), entry("planned", result.planned()),
        entry("requestsStopped", stopped),
        entry("problems", rejected.size() + failures.size()));
    return result;
  }

  private static int decodeSamples(List<String> rejected) {
    AccountRegion scope = new AccountRegion(ACCOUNT, REGION);
    int decoded = 0;
    decoded += decode("schedule-sweep.json", new ScheduleDecoder(scope)::decode, rejected);
    decoded += decode("cloudtrail-create-vpc-endpoint-one-subnet.json", new CloudTrailDecoder(scope)::decode, rejected);
    decoded += decode("compliance-change-non-compliant.json", new ComplianceChangeDecoder(scope)::decode, rejected);
    decoded += decode("config-rule-change-vpc-endpoint.json", new ConfigRuleEventDecoder(scope)::decode, rejected);
    return decoded;
  }

  private static int decode(String sample, Function<InputStream, Decoded> decoder, List<String> rejected) {
    try (InputStream in = Priming.class.getResourceAsStream(SAMPLES + sample)) {
      if (in == null) {
        rejected.add(sample + ": missing from the package");
        return 0;
      }
      Decoded d = decoder.apply(in);
      if (d instanceof Trigger) {
        return 1;
      }
      rejected.add(sample + ": " + d.summary());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rule over one endpoint that breaks all of them, in alert mode: plans are built, none is applied. */
  private ScanReport evaluateSyntheticEstate() {
    Request request = new Request(Targets.allInRegion(), Settings.defaults().withAllModes(Mode.ALERT),
        new RunSource("priming", "priming"));
    Run run = pipeline.evaluateAndAct(request, syntheticEstate(), List.of());
    for (EvaluationResult r : run.report().results()) {
      if (r.outcome() != Outcome.NONE && r.outcome() != Outcome.PLANNED) {
        throw new IllegalStateException("priming acted on " + r.evaluation().resourceId() + ": " + r.outcome());
      }
    }
    return run.report();
  }

  /**
   * One VPC with DNS attributes off, two subnets in two AZs, its main route table, one Interface endpoint that
   * breaks every endpoint rule: one subnet, private DNS off, the full-access policy, a group open to 0.0.0.0/0 that
   * nothing else uses; and one endpoint service open to {@code *} without acceptance. Every fact a plan needs is present, so every finding is planned as it would be in a sweep.
   */
  static Estate syntheticEstate() {
    SubnetInfo a = new SubnetInfo("subnet-0e0d0c0b0a0900001", VPC, "us-east-1a", "use1-az1", 250, false, Map.of());
    SubnetInfo b = new SubnetInfo("subnet-0e0d0c0b0a0900002", VPC, "us-east-1b", "use1-az2", 250, false, Map.of());
    VpcInfo vpcInfo = new VpcInfo(VPC, List.of("10.0.0.0/16"), List.of(), false, false, Map.of());
    String endpointId = "vpce-0e0d0c0b0a0900001";
    RouteTableInfo main = new RouteTableInfo("rtb-0e0d0c0b0a0900001", true, List.of(),
        List.of(new RouteEntry("10.0.0.0/16", RouteTarget.LOCAL, "local", false, List.of("10.0.0.0/16"),
            Optional.empty())));
    VpcSnapshot vpc = new VpcSnapshot(vpcInfo, List.of(a, b),
        List.of(new EndpointSummary(endpointId, EndpointType.INTERFACE, SERVICE, EndpointState.AVAILABLE, false,
            List.of(a.subnetId()))), Optional.of(List.of()), Optional.of(List.of(main)));
    SecurityGroupInfo group = new SecurityGroupInfo("sg-0e0d0c0b0a0900001", "endpoint", VPC,
        List.of(new IngressRule("sg-0e0d0c0b0a0900001", "tcp", 443, 443, "0.0.0.0/0")), List.of(), true,
        List.of(a.subnetId()));
    ServiceFacts service = new ServiceFacts(SERVICE, Set.of("use1-az1", "use1-az2"),
        Optional.of("ssm.us-east-1.amazonaws.com"), true, false, true);
    EndpointSnapshot endpoint = new EndpointSnapshot(endpointId, EndpointType.INTERFACE, SERVICE,
        EndpointState.AVAILABLE, false, false, BROAD_POLICY, List.of(a), List.of(group), Map.of(), service, vpc);
    // An endpoint service that lets every principal connect without acceptance (broad-endpoint-service-permissions).
    EndpointServiceSnapshot offered = new EndpointServiceSnapshot("vpce-svc-0e0d0c0b0a0900001",
        "com.amazonaws.vpce.us-east-1.vpce-svc-0e0d0c0b0a0900001", REGION, EndpointServiceSnapshot.AVAILABLE, false,
        false, Map.of(), List.of(EndpointServiceSnapshot.AllowedPrincipal.of("*")), Optional.empty());
    return new Estate(ACCOUNT, REGION, List.of(endpoint), List.of(vpc), OwnOrganization.notRead(), List.of(offered));
  }

  private static void formatResults(ScanReport report) {
    AlertFormatter formatter = new AlertFormatter();
    AlertContext ctx = AlertContext.of("priming", "priming");
    formatter.digest(report, ctx);
    formatter.format(report, ctx);
    ReportJson.toJson(ReportJson.report(report), false);
    ResultJson.toJson(new HandlerResult(InvocationStatus.DONE, "priming", "dry run", report.results(), List.of(),
        List.of()));
  }

  /**
   * One read per operation the inventory uses (and one per sink client, whose request pipeline the sinks share), each
   * stopped before it is sent: no request reaches AWS.
   */
  private int warmClients(List<String> failures) {
    AwsRequestOverrideConfiguration dryRun = AwsRequestOverrideConfiguration.builder()
        // Fixed keys: no credential lookup, and nothing that could be sent would be accepted.
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
        .addPlugin(stopBeforeSending())
        .build();
    Filter byVpc = Filter.builder().name("vpc-id").values(VPC).build();
    List<Runnable> reads = List.of(
        () -> clients.sts().getCallerIdentity(r -> r.overrideConfiguration(dryRun)),
        () -> clients.ec2().describeVpcEndpoints(r -> r.filters(byVpc).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeVpcs(r -> r.vpcIds(VPC).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeVpcAttribute(r -> r.vpcId(VPC).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)
            .overrideConfiguration(dryRun)),
        () -> clients.ec2().describeSubnets(r -> r.filters(byVpc).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeRouteTables(r -> r.filters(byVpc).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeSecurityGroups(r -> r.groupIds("sg-0e0d0c0b0a0900001")
            .overrideConfiguration(dryRun)),
        () -> clients.ec2().describeNetworkInterfaces(r -> r.filters(byVpc).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeVpcEndpointServices(r -> r.serviceNames(SERVICE).overrideConfiguration(dryRun)),
        () -> clients.ec2().describeAvailabilityZones(r -> r.overrideConfiguration(dryRun)),
        // The account's own endpoint services (broad-endpoint-service-permissions).
        () -> clients.ec2().describeVpcEndpointServiceConfigurations(r -> r.overrideConfiguration(dryRun)),
        () -> clients.ec2().describeVpcEndpointServicePermissions(r -> r.serviceId("vpce-svc-0e0d0c0b0a0900001")
            .overrideConfiguration(dryRun)),
        () -> clients.ec2().getManagedPrefixListEntries(r -> r.prefixListId("pl-0e0d0c0b0a0900001")
            .overrideConfiguration(dryRun)),
        () -> clients.route53().listHostedZonesByVPC(r -> r.vpcId(VPC).vpcRegion(VPCRegion.US_EAST_1)
            .overrideConfiguration(dryRun)),
        () -> clients.route53().listResourceRecordSets(r -> r.hostedZoneId("Z0E0D0C0B0A09000001")
            .overrideConfiguration(dryRun)),
        () -> clients.organizations().describeOrganization(r -> r.overrideConfiguration(dryRun)),
        () -> clients.sns().getTopicAttributes(r -> r.topicArn("arn:aws:sns:us-east-1:" + ACCOUNT + ":priming")
            .overrideConfiguration(dryRun)),
        () -> clients.config().describeConfigRules(r -> r.overrideConfiguration(dryRun)),
        // The sweep's hand-over queue (AWS JSON protocol) and, when enabled, Security Hub (REST-JSON).
        () -> clients.sqs().getQueueAttributes(r -> r.queueUrl("https://sqs.us-east-1.amazonaws.com/" + ACCOUNT
            + "/priming.fifo").overrideConfiguration(dryRun)),
        () -> clients.securityHub().getEnabledStandards(r -> r.overrideConfiguration(dryRun)));
    int stopped = 0;
    for (Runnable read : reads) {
      try {
        read.run();
        failures.add("a dry-run request was answered");
      } catch (RuntimeException e) {
        if (stoppedBeforeSending(e)) {
          stopped++;
        } else {
          failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
    }
    return stopped;
  }

  private static SdkPlugin stopBeforeSending() {
    DryRunInterceptor stop = new DryRunInterceptor();
    return config -> config.overrideConfiguration(
        config.overrideConfiguration().toBuilder().addExecutionInterceptor(stop).build());
  }

  private static boolean stoppedBeforeSending(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DryRunStop) {
        return true;
      }
    }
    return false;
  }
}
