package dev.endpointguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.local.LocalInvoker;
import dev.endpointguard.localaws.AlertInbox;
import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.rules.RuleId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The story the demo tells, through the real Lambda handlers on a local AWS: a sweep in alert mode, an engineer's
 * change fixed as it happens, the evaluations AWS Config would record, a sweep that fixes what is safe, and the alerts
 * as subscribers received them. Every outcome it prints was read back from the local AWS.
 */
public final class DemoStory {
  public static final int STEPS = 8;
  private static final String REGION = DemoEstate.REGION;
  private static final String ACCOUNT = "123456789012";
  private static final List<String> ALL_RULES = List.of(RuleId.values()).stream().map(RuleId::id).toList();

  /** An event that names the kept demo's own resources, for {@code invoke} against it after the story. */
  public record KeptEvent(String function, String fileName, byte[] json) {
  }

  /**
   * What the story found, for the caller (and the demo's test) to check.
   *
   * @param findingsBefore  NON_COMPLIANT evaluations of the first sweep, in alert mode
   * @param engineerFindings NON_COMPLIANT evaluations of the engineer's new endpoint, on its CreateVpcEndpoint event
   * @param engineerApplied  of those, fixed on the event (their rules in remediate mode)
   * @param applied          changes the remediating sweep applied and verified
   * @param needsPerson      NON_COMPLIANT evaluations left after it (no safe automatic fix)
   */
  public record Outcome(int findingsBefore, int engineerFindings, int engineerApplied, int applied, int failed,
                        int needsPerson, int configEvaluations, int alertsReceived, boolean engineerChangeFixed) {
    /** Every finding the story met: the first sweep's and the engineer's endpoint's. */
    public int findings() {
      return findingsBefore + engineerFindings;
    }

    /** Every fix applied and verified: on the engineer's event and by the remediating sweep. */
    public int fixed() {
      return engineerApplied + applied;
    }
  }

  /** The engineer's endpoint: its findings on the event, those fixed there, and whether EC2 shows it fixed. */
  private record EngineerChange(int findings, int applied, boolean fixed) {
  }

  private final DemoConsole console;
  private final LocalAws aws;
  private final AwsClients clients;
  private final AwsClients.Target target;
  private final Clock clock;
  private final PrintStream handlerLog = new PrintStream(OutputStream.nullOutputStream());
  private DemoEstate estate;
  private Map<String, String> names = new HashMap<>();
  private String topicArn;
  private byte[] engineerEvent;

  public DemoStory(DemoConsole console, LocalAws aws, Clock clock) {
    this.console = console;
    this.aws = aws;
    this.clock = clock;
    this.target = AwsClients.Target.local(Region.of(REGION), aws.endpoint()).withCredentials(LocalAws.credentials());
    this.clients = new AwsClients(target);
  }

  /**
   * Events for the estate the story leaves behind: a scheduled sweep, the engineer's CreateVpcEndpoint call (its
   * endpoint exists there) and an AWS Config periodic evaluation of single-az-endpoint. The files in events/ name
   * placeholder ids; these name the kept demo's. Call after {@link #play()}.
   */
  public List<KeptEvent> keptEvents() {
    List<KeptEvent> events = new java.util.ArrayList<>();
    events.add(new KeptEvent("SweepFunction", "schedule-sweep.json", DemoEvents.schedule(ACCOUNT, REGION,
        clock.instant())));
    if (engineerEvent != null) {
      events.add(new KeptEvent("ChangeEventFunction", "cloudtrail-create-vpc-endpoint.json", engineerEvent));
    }
    events.add(new KeptEvent("ConfigRuleFunction", "config-rule-scheduled.json", DemoEvents.configScheduled(ACCOUNT,
        REGION, RuleId.SINGLE_AZ_ENDPOINT, clock.instant())));
    return events;
  }

  public Outcome play() {
    try (AlertInbox inbox = seed()) {
      int before = sweepInAlertMode();
      EngineerChange engineer = engineerCreatesSingleAzEndpoint();
      int config = configRules();
      JsonNode fix = sweep(Map.of(), "remediate", "SweepFunction with every rule in remediate mode");
      int applied = fix.at("/summary/applied").asInt();
      int failed = fix.at("/summary/failed").asInt();
      int needsPerson = lastSweep();
      int alerts = alerts(inbox);
      return new Outcome(before, engineer.findings(), engineer.applied(), applied, failed, needsPerson, config, alerts,
          engineer.fixed());
    } finally {
      clients.close();
    }
  }

  private AlertInbox seed() {
    console.step("Seeding a realistic estate");
    Instant start = clock.instant();
    estate = DemoEstate.seed(clients.ec2(), clients.route53(), aws, ACCOUNT);
    estate.ids().forEach((name, id) -> names.put(id, name));
    AlertInbox inbox = AlertInbox.create(aws, Region.of(REGION), clients.sns(), "endpoint-guard-alerts",
        "security-inbox");
    topicArn = inbox.topicArn();
    clients.sns().subscribe(b -> b.topicArn(topicArn).protocol("email").endpoint("platform-team@example.com"));
    long endpoints = estate.ids().values().stream().filter(id -> id.startsWith("vpce-")).count();
    console.ok("3 VPCs (app, data, edge) with private and public subnets in 3 AZs, " + endpoints
        + " endpoints; alert topic with an SQS queue and an email address subscribed", Duration.between(start,
        clock.instant()));
    return inbox;
  }

  private Map<String, String> environment(Map<String, String> modes) {
    Map<String, String> env = new HashMap<>();
    env.put("TRUSTED_ORG_IDS", DemoEstate.ORG_ID);
    env.put("ALERT_TOPIC_ARN", topicArn);
    env.put("POWERTOOLS_METRICS_NAMESPACE", "EndpointGuard");
    for (RuleId r : RuleId.values()) {
      env.put("MODE_" + r.name(), modes.getOrDefault(r.id(), "alert"));
    }
    return env;
  }

  private JsonNode invoke(Functions function, Map<String, String> modes, byte[] event) {
    LocalInvoker.LocalRun run = LocalInvoker.invoke(function, environment(modes), target, event, 300, handlerLog);
    if (run.thrown().isPresent()) {
      throw new IllegalStateException(function.logicalId() + " threw: " + run.thrown().get().getMessage(),
          run.thrown().get());
    }
    JsonNode result = run.result().orElseThrow(() -> new IllegalStateException(function.logicalId()
        + " returned no JSON result"));
    if (!"done".equals(result.path("status").asText())) {
      throw new IllegalStateException(function.logicalId() + " answered " + result.path("status").asText() + ": "
          + result.path("reason").asText());
    }
    return result;
  }

  private JsonNode sweep(Map<String, String> modes, String mode, String title) {
    console.step(title);
    Instant start = clock.instant();
    Map<String, String> all = new HashMap<>(modes);
    if ("remediate".equals(mode)) {
      ALL_RULES.forEach(r -> all.put(r, "remediate"));
    }
    JsonNode result = invoke(Functions.byLogicalId("SweepFunction"), all, DemoEvents.schedule(ACCOUNT, REGION,
        clock.instant()));
    for (JsonNode e : result.path("findings")) {
      String outcome = e.path("outcome").asText();
      if ("remediate".equals(mode) && !outcome.equals("NONE") || !"remediate".equals(mode)
          && e.path("status").asText().equals("NON_COMPLIANT")) {
        printEvaluation(e);
      }
    }
    console.ok(summary(result), Duration.between(start, clock.instant()));
    return result;
  }

  private int sweepInAlertMode() {
    JsonNode result = sweep(Map.of(), "alert", "SweepFunction in alert mode: what is wrong, and the plan that would "
        + "fix it");
    console.line("Alert mode changed nothing. One digest alert went to the topic.");
    return result.at("/summary/nonCompliant").asInt();
  }

  private void printEvaluation(JsonNode e) {
    String resource = name(e.path("resourceId").asText());
    console.line(String.format("%-30s %-30s %s %s", e.path("rule").asText(), resource,
        console.status(e.path("status").asText()), e.path("outcome").asText()));
    console.line("    " + e.path("reason").asText());
    for (JsonNode c : e.path("plan")) {
      console.line("    " + ("APPLIED".equals(e.path("outcome").asText()) ? "done: " : "plan: ") + describe(c));
    }
    if (!e.path("error").isNull() && !e.path("error").asText().isEmpty()) {
      console.line("    error: " + e.path("error").asText());
    }
  }

  /** One line for a change in the report's JSON shape (the full detail is in the alert and the scan report). */
  private static String describe(JsonNode change) {
    JsonNode d = change.path("detail");
    String target = change.path("target").asText();
    return switch (change.path("change").asText()) {
      case "AddSubnets" -> "add subnet(s) " + join(d.path("subnetIds")) + " (AZ " + join(d.path("azIds")) + ") to "
          + target;
      case "EnablePrivateDns" -> "turn on private DNS for " + target + " (" + d.path("privateDnsName").asText() + ")";
      case "EnableVpcDnsAttribute" -> "turn on " + d.path("attribute").asText() + " for " + target;
      case "NarrowPolicy" -> "replace the policy of " + target + " with a narrowed one ("
          + d.path("newPolicy").asText().length() + " characters): " + change.path("impact").asText();
      case "ReplaceIngressSource" -> "in " + target + " replace " + d.path("ipProtocol").asText() + " "
          + d.path("fromPort").asText() + " from " + d.path("oldSource").asText() + " with "
          + join(d.path("newSources"));
      default -> change.path("change").asText() + " " + target;
    };
  }

  private static String join(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(n -> items.add(n.asText()));
    return String.join(", ", items);
  }

  private String name(String id) {
    String n = names.get(id);
    return n == null ? id : id + " (" + n + ")";
  }

  private static String summary(JsonNode result) {
    JsonNode s = result.path("summary");
    return s.path("evaluated").asInt() + " evaluated, " + s.path("nonCompliant").asInt() + " NON_COMPLIANT, "
        + s.path("applied").asInt() + " applied, " + s.path("failed").asInt() + " failed";
  }

  private EngineerChange engineerCreatesSingleAzEndpoint() {
    console.step("An engineer creates an ECR endpoint in one AZ with private DNS off");
    Instant start = clock.instant();
    String service = "com.amazonaws." + REGION + ".ecr.dkr";
    String subnet = estate.id("app-private-a");
    String group = estate.id("endpoints-sg");
    VpcEndpoint created = clients.ec2().createVpcEndpoint(b -> b.vpcId(estate.id("app-vpc")).serviceName(service)
        .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnet).securityGroupIds(group)
        .privateDnsEnabled(false)).vpcEndpoint();
    names.put(created.vpcEndpointId(), "new-ecr-dkr");
    console.line("CreateVpcEndpoint " + created.vpcEndpointId() + " (" + service + ", subnet app-private-a only, "
        + "private DNS off, default full-access policy)");
    console.line("CloudTrail -> EventBridge -> ChangeEventFunction, with single-az-endpoint and private-dns-disabled "
        + "in remediate mode, the other rules in alert mode:");
    byte[] event = DemoEvents.createVpcEndpoint(ACCOUNT, REGION, created.vpcEndpointId(), created.vpcId(), service,
        subnet, group, clock.instant());
    engineerEvent = event;
    JsonNode result = invoke(Functions.byLogicalId("ChangeEventFunction"),
        Map.of("single-az-endpoint", "remediate", "private-dns-disabled", "remediate"), event);
    result.path("findings").forEach(this::printEvaluation);
    VpcEndpoint after = clients.ec2().describeVpcEndpoints(b -> b.vpcEndpointIds(created.vpcEndpointId()))
        .vpcEndpoints().get(0);
    boolean fixed = after.subnetIds().size() >= 2 && Boolean.TRUE.equals(after.privateDnsEnabled());
    console.ok("read back from EC2: " + after.subnetIds().size() + " subnets, private DNS "
        + (Boolean.TRUE.equals(after.privateDnsEnabled()) ? "on" : "off") + "; the broad policy was only alerted "
        + "(its rule is in alert mode)", Duration.between(start, clock.instant()));
    return new EngineerChange(result.at("/summary/nonCompliant").asInt(), result.at("/summary/applied").asInt(),
        fixed);
  }

  private int configRules() {
    console.step("ConfigRuleFunction: the evaluations AWS Config would record (periodic run of the " + ALL_RULES.size() + " rules)");
    Instant start = clock.instant();
    Map<String, Map<String, Integer>> byRule = new TreeMap<>();
    for (RuleId rule : RuleId.values()) {
      JsonNode result = invoke(Functions.byLogicalId("ConfigRuleFunction"), Map.of(),
          DemoEvents.configScheduled(ACCOUNT, REGION, rule, clock.instant()));
      Map<String, Integer> counts = byRule.computeIfAbsent("endpoint-guard-" + rule.id(), k -> new TreeMap<>());
      result.path("summary").path("byStatus").fields().forEachRemaining(c -> {
        if (c.getValue().asInt() > 0) {
          counts.put(c.getKey(), c.getValue().asInt());
        }
      });
    }
    byRule.forEach((rule, counts) -> console.line(String.format("%-45s %s", rule, counts)));
    int total = 0;
    try {
      for (JsonNode request : ReportJson.MAPPER.readTree(aws.configEvaluationsJson())) {
        total += request.path("Evaluations").size();
      }
    } catch (IOException e) {
      throw new IllegalStateException("the local AWS answered unreadable Config evaluations", e);
    }
    console.ok(total + " evaluations sent with PutEvaluations (read back from the local AWS); this function never "
        + "changes AWS", Duration.between(start, clock.instant()));
    return total;
  }

  private int lastSweep() {
    JsonNode result = sweep(Map.of(), "alert", "A last sweep: what is compliant now, and what still needs a person");
    int left = result.at("/summary/nonCompliant").asInt();
    Map<String, Integer> statuses = new LinkedHashMap<>();
    result.path("summary").path("byStatus").fields().forEachRemaining(c -> {
      if (c.getValue().asInt() > 0) {
        statuses.put(c.getKey(), c.getValue().asInt());
      }
    });
    console.line("now: " + statuses + "; the " + left + " left need a person: each reason above says why no safe "
        + "automatic fix exists");
    return left;
  }

  private int alerts(AlertInbox inbox) {
    console.step("The alerts, as the subscribers received them");
    List<JsonNode> received = inbox.drain();
    console.line(received.size() + " messages reached the SQS queue. The JSON one subscriber (sqs) got for the "
        + "engineer's endpoint:");
    java.util.Optional<JsonNode> shown = received.stream()
        .filter(m -> m.path("Subject").asText().contains("single-az-endpoint")).findFirst()
        .or(() -> received.stream().findFirst());
    shown.ifPresent(m -> console.raw(pretty(m.path("Message").asText())));
    console.blank();
    console.line("The email text (default/email) of the same alert:");
    shown.map(m -> readTree(m.path("Message").asText()).path("runId").asText())
        .flatMap(this::emailText).ifPresent(console::raw);
    return received.size();
  }

  private static JsonNode readTree(String json) {
    try {
      return ReportJson.MAPPER.readTree(json);
    } catch (IOException e) {
      return ReportJson.MAPPER.createObjectNode();
    }
  }

  /** The email body SNS was given for the alert of run {@code runId}, as the local AWS recorded it. */
  private java.util.Optional<String> emailText(String runId) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(aws.endpoint() + "/moto-api/data.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
      JsonNode data = ReportJson.MAPPER.readTree(r.body());
      for (JsonNode n : data.findValues("sent_notifications")) {
        for (JsonNode sent : n) {
          String text = sent.isArray() && sent.size() > 1 ? sent.get(1).asText() : sent.asText();
          if (text.contains(runId) && text.contains("single-az-endpoint") && text.trim().startsWith("{")) {
            JsonNode structured = ReportJson.MAPPER.readTree(text);
            if (structured.has("email")) {
              return java.util.Optional.of(structured.get("email").asText());
            }
          }
        }
      }
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  private static String pretty(String json) {
    try {
      return ReportJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ReportJson.MAPPER.readTree(json));
    } catch (IOException e) {
      return json;
    }
  }
}
