package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.localaws.LocalContext;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.LocalAwsTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * A remediating sweep over 100 single-AZ endpoints, with the SDK's standard retries on, through a proxy that injects
 * one kind of fault into a share of the EC2 calls (four kinds, each in its own Region, at once). Lambda's way is followed: an invocation that throws
 * RetryableInvocationException is invoked again (up to two retries), and if the fault outlasts them the event is
 * replayed once the fault has passed (the dead-letter queue). Then: every endpoint has its single-az-endpoint
 * evaluation, each ends fixed (applied now or by an earlier attempt) or FAILED/SKIPPED with a reason; the local AWS
 * accepted each write exactly once; nothing but RetryableInvocationException was thrown.
 */
@LocalAwsTest
class FaultSweepTest {
  private static final int ENDPOINTS = 100;
  private static final int VPCS = 10;
  private static final List<String> SERVICES = List.of("ssm", "ssmmessages", "ec2messages", "logs", "kms", "sts",
      "secretsmanager", "ecr.api", "ecr.dkr", "sqs", "sns", "monitoring", "events", "lambda", "ecs",
      "elasticloadbalancing", "autoscaling", "ec2", "kinesis-streams", "athena");
  private static final int LAMBDA_ATTEMPTS = 3;
  private static final Duration ATTEMPT_LIMIT = Duration.ofMillis(1_500);

  /** One fault at one rate, swept in its own Region so that the four run at once against one local AWS. */
  private record Scenario(FaultProxy.Fault fault, double rate, Region region) {
  }

  private static final List<Scenario> SCENARIOS = List.of(
      new Scenario(FaultProxy.Fault.THROTTLE, 0.05, Region.US_EAST_1),
      // A quarter of the calls: some call fails all three SDK attempts (0.25^3 of about 540 calls, about 8 a run),
      // so Lambda's retries and the replay are always exercised, not only now and then.
      new Scenario(FaultProxy.Fault.SERVER_ERROR, 0.25, Region.US_WEST_2),
      new Scenario(FaultProxy.Fault.RESET, 0.08, Region.EU_WEST_1),
      new Scenario(FaultProxy.Fault.SLOW, 0.01, Region.AP_SOUTHEAST_2));

  /**
   * The four faults at once, each in its own Region (the local AWS keeps each Region's state apart), so the suite
   * waits for the slowest (throttling, which the SDK backs off from for about a second per retry) rather than for all
   * four in turn. Every assertion is made per scenario.
   */
  @org.junit.jupiter.api.Test
  void sweep_faultsOnEc2Calls_everyEndpointAccountedForAndNoWriteTwice(LocalAws aws) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SCENARIOS.size());
    try {
      List<java.util.concurrent.Future<String>> runs = new ArrayList<>();
      for (Scenario scenario : SCENARIOS) {
        runs.add(pool.submit(() -> sweepUnder(scenario, aws)));
      }
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        try {
          System.out.println(runs.get(i).get());
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(SCENARIOS.get(i) + ": " + e.getCause());
        }
      }
      assertThat(failures).as("scenarios that failed").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static String sweepUnder(Scenario scenario, LocalAws aws) throws Exception {
    String region = scenario.region().id();
    List<String> endpoints;
    try (AwsClients clients = new AwsClients(AwsClients.Target.local(scenario.region(), aws.endpoint())
        .withRetries(false))) {
      endpoints = seed(clients.ec2(), region);
    }
    Map<String, String> env = new HashMap<>();
    for (RuleId rule : RuleId.values()) {
      env.put("MODE_" + rule.name(), rule == RuleId.SINGLE_AZ_ENDPOINT ? "remediate" : "off");
    }
    long started = System.nanoTime();
    try (FaultProxy proxy = new FaultProxy(aws.endpoint(), scenario.fault(), scenario.rate(),
        ATTEMPT_LIMIT.multipliedBy(2), 42)) {
      WriteCounter sdkCalls = new WriteCounter();
      HandlerRuntime runtime = HandlerRuntime.create(env, AwsClients.Target.local(scenario.region(), proxy.endpoint())
          .withRetries(true).withAttemptTimeout(ATTEMPT_LIMIT).withInterceptors(List.of(sdkCalls)));
      RequestStreamHandler sweep = Functions.SWEEP.create(runtime);
      String event = EventEstate.read("schedule-sweep.json").replace("us-east-1", region);

      List<String> thrown = new ArrayList<>();
      JsonNode result = null;
      for (int attempt = 1; result == null && attempt <= LAMBDA_ATTEMPTS + 1; attempt++) {
        // After Lambda's attempts, the event is replayed from the dead-letter queue once the fault has passed.
        proxy.injecting(attempt <= LAMBDA_ATTEMPTS);
        try {
          result = invoke(sweep, event, region);
        } catch (RetryableInvocationException e) {
          assertThat(e.getMessage()).containsAnyOf("RequestLimitExceeded", "InternalError", "Unavailable", "503",
              "500", "IOException", "SocketException", "Timeout", "timed out", "reset", "Connection");
          thrown.add(e.getMessage());
        }
      }

      assertThat(result).as("a result once the fault passed; thrown: %s", thrown).isNotNull();
      assertThat(result.path("status").asText()).isEqualTo("done");
      // The result lists the findings; an endpoint fixed by an earlier attempt is compliant now, so it is counted,
      // not listed: the local AWS shows it fixed, and the proxy saw it written once.
      Map<String, JsonNode> byEndpoint = new TreeMap<>();
      StreamSupport.stream(result.path("findings").spliterator(), false)
          .filter(e -> e.path("rule").asText().equals("single-az-endpoint"))
          .forEach(e -> assertThat(byEndpoint.put(e.path("resourceId").asText(), e)).as("evaluated twice").isNull());
      assertThat(result.at("/summary/evaluated").asInt()).as("every endpoint evaluated once").isEqualTo(ENDPOINTS);
      assertThat(endpoints).as("none lost").containsAll(byEndpoint.keySet());
      int compliant = result.at("/summary/byStatus/COMPLIANT").asInt();
      assertThat(compliant + byEndpoint.size()).as("each endpoint a finding or compliant").isEqualTo(ENDPOINTS);

      Map<String, Integer> writes = proxy.acceptedWrites();
      assertThat(writes).as("no write accepted twice").allSatisfy((write, n) -> assertThat(n).as(write).isEqualTo(1));
      Map<String, Integer> outcomes = new TreeMap<>();
      for (String id : endpoints) {
        JsonNode e = byEndpoint.get(id);
        String outcome = e == null ? "NONE" : e.path("outcome").asText();
        long writesToIt = writes.keySet().stream().filter(w -> w.contains("VpcEndpointId=" + id + ",")
            || w.contains("VpcEndpointId=" + id + "}")).count();
        switch (outcome) {
          case "APPLIED" -> assertThat(writesToIt).as(id).isEqualTo(1);
          case "NONE" -> {
            // Fixed by an earlier attempt that then threw: found compliant, written once.
            assertThat(azsOf(aws, scenario.region(), id)).as(id).hasSizeGreaterThanOrEqualTo(2);
            assertThat(writesToIt).as(id).isEqualTo(1);
          }
          case "FAILED", "SKIPPED" -> assertThat(e.path("error").asText()).as(id).isNotBlank();
          default -> throw new AssertionError(id + " ended " + outcome + ": " + e);
        }
        outcomes.merge(outcome.equals("NONE") ? "APPLIED_EARLIER" : outcome, 1, Integer::sum);
      }
      assertThat(proxy.injected()).isPositive();
      if (scenario.fault() == FaultProxy.Fault.SERVER_ERROR) {
        assertThat(thrown).as("a fault that outlasted the SDK's retries, retried by Lambda").isNotEmpty();
      }
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      return String.format("fault %s rate %.2f in %s: %d endpoints, outcomes %s, EC2 calls %d, faults injected %d, "
              + "SDK calls %d, Lambda retries %d %s, %d s", scenario.fault(), scenario.rate(), region, ENDPOINTS,
          outcomes, proxy.ec2Calls(), proxy.injected(), sdkCalls.calls().size(), thrown.size(), thrown, seconds);
    }
  }

  /**
   * Every write's first answer is lost after the local AWS applied it, so the SDK sends each write again: a subnet
   * added twice, a source authorized twice (AWS: InvalidPermission.Duplicate), a source revoked twice (AWS:
   * InvalidPermission.NotFound). Every fix must still hold and be reported as applied, never as failed.
   */
  @org.junit.jupiter.api.Test
  void sweep_everyWriteAnswerLostOnce_everyFixHoldsAndIsReportedApplied(LocalAws aws, AwsClients clients)
      throws Exception {
    Ec2Client ec2 = clients.ec2();
    Map<String, String> groups = new TreeMap<>();
    List<String> endpoints = new ArrayList<>();
    for (int v = 0; v < 5; v++) {
      String cidr = "10." + (50 + v) + ".0.0/16";
      String vpc = ec2.createVpc(b -> b.cidrBlock(cidr)).vpc().vpcId();
      List<String> subnets = new ArrayList<>();
      for (String az : List.of("a", "b")) {
        String subnetCidr = "10." + (50 + v) + "." + subnets.size() + ".0/24";
        subnets.add(ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(subnetCidr).availabilityZone("us-east-1" + az))
            .subnet().subnetId());
      }
      String group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("endpoints").description("endpoints"))
          .groupId();
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
          .toPort(443).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
      groups.put(group, cidr);
      for (int e = 0; e < 4; e++) {
        String service = "com.amazonaws.us-east-1." + SERVICES.get(e);
        endpoints.add(ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(service)
            .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnets.get(0)).securityGroupIds(group)
            .privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId());
      }
    }
    Map<String, String> env = new HashMap<>();
    for (RuleId rule : RuleId.values()) {
      boolean fixed = rule == RuleId.SINGLE_AZ_ENDPOINT || rule == RuleId.BROAD_ENDPOINT_SECURITY_GROUP;
      env.put("MODE_" + rule.name(), fixed ? "remediate" : "off");
    }

    try (FaultProxy proxy = new FaultProxy(aws.endpoint(), FaultProxy.Fault.LOST_ANSWER, 1.0, Duration.ZERO, 42)) {
      HandlerRuntime runtime = HandlerRuntime.create(env, AwsClients.Target.local(Region.US_EAST_1, proxy.endpoint())
          .withRetries(true).withAttemptTimeout(ATTEMPT_LIMIT));
      JsonNode result = invoke(Functions.SWEEP.create(runtime), EventEstate.read("schedule-sweep.json"), "us-east-1");

      assertThat(result.path("status").asText()).isEqualTo("done");
      List<JsonNode> evaluations = StreamSupport.stream(result.path("findings").spliterator(), false).toList();
      assertThat(evaluations).filteredOn(e -> e.path("error").isTextual())
          .extracting(e -> e.path("rule").asText() + " " + e.path("resourceId").asText() + ": "
              + e.path("outcome").asText() + " " + e.path("error").asText())
          .as("failed or skipped").isEmpty();
      assertThat(evaluations).filteredOn(e -> e.path("outcome").asText().equals("APPLIED"))
          .extracting(e -> e.path("rule").asText())
          .contains("single-az-endpoint", "broad-endpoint-security-group");

      for (String id : endpoints) {
        Set<String> azs = new TreeSet<>();
        ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(id)).vpcEndpoints().get(0).subnetIds()
            .forEach(subnet -> azs.add(ec2.describeSubnets(b -> b.subnetIds(subnet)).subnets().get(0).availabilityZone()));
        assertThat(azs).as(id).hasSize(2);
      }
      groups.forEach((group, cidr) -> {
        List<String> sources = ec2.describeSecurityGroups(b -> b.groupIds(group)).securityGroups().get(0)
            .ipPermissions().stream().flatMap(p -> p.ipRanges().stream()).map(r -> r.cidrIp()).toList();
        assertThat(sources).as(group).containsExactly(cidr);
      });

      Map<String, Integer> lost = proxy.lostAnswers();
      assertThat(lost.keySet()).as("answers lost").anyMatch(w -> w.contains("Action=ModifyVpcEndpoint"))
          .anyMatch(w -> w.contains("Action=AuthorizeSecurityGroupIngress"))
          .anyMatch(w -> w.contains("Action=RevokeSecurityGroupIngress"));
      proxy.acceptedWrites().forEach((write, n) -> assertThat(n).as(write).isLessThanOrEqualTo(1 + lost.getOrDefault(write, 0)));
      System.out.printf("lost answers: %d writes, each sent again; accepted writes %s%n", lost.size(),
          proxy.acceptedWrites().values());
    }
  }

  /** 100 Interface endpoints, each in one AZ, over 10 VPCs with a subnet in each of three AZs of {@code region}. */
  private static List<String> seed(Ec2Client ec2, String region) {
    List<String> endpoints = new ArrayList<>();
    for (int v = 0; v < VPCS; v++) {
      int octet = v;
      String vpc = ec2.createVpc(b -> b.cidrBlock("10." + octet + ".0.0/16")).vpc().vpcId();
      List<String> subnets = new ArrayList<>();
      for (String az : List.of("a", "b", "c")) {
        String cidr = "10." + octet + "." + subnets.size() + ".0/24";
        subnets.add(ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock(cidr).availabilityZone(region + az))
            .subnet().subnetId());
      }
      for (int e = 0; e < ENDPOINTS / VPCS; e++) {
        String service = "com.amazonaws." + region + "." + SERVICES.get(e);
        endpoints.add(ec2.createVpcEndpoint(b -> b.vpcId(vpc).serviceName(service)
            .vpcEndpointType(VpcEndpointType.INTERFACE).subnetIds(subnets.get(0)).privateDnsEnabled(false))
            .vpcEndpoint().vpcEndpointId());
      }
    }
    return endpoints;
  }

  /** The AZs of the endpoint's subnets, as the local AWS holds them now. */
  private static Set<String> azsOf(LocalAws aws, Region region, String endpoint) {
    try (AwsClients clients = new AwsClients(AwsClients.Target.local(region, aws.endpoint()).withRetries(false))) {
      Ec2Client ec2 = clients.ec2();
      Set<String> azs = new TreeSet<>();
      ec2.describeVpcEndpoints(b -> b.vpcEndpointIds(endpoint)).vpcEndpoints().get(0).subnetIds()
          .forEach(subnet -> azs.add(ec2.describeSubnets(b -> b.subnetIds(subnet)).subnets().get(0)
              .availabilityZone()));
      return azs;
    }
  }

  private static JsonNode invoke(RequestStreamHandler handler, String event, String region) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        new LocalContext("SweepFunction", region, () -> "123456789012", 300, 512, Clock.systemUTC(), System.err));
    return Invoker.JSON.readTree(out.toByteArray());
  }
}
