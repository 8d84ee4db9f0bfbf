package dev.endpointguard.bench;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.group;
import static dev.endpointguard.testing.Snapshots.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.handler.Functions;
import dev.endpointguard.local.LocalInvoker;
import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.RuleContext;
import dev.endpointguard.rules.RuleRegistry;
import dev.endpointguard.testing.LocalAwsExtension;
import dev.endpointguard.testing.Snapshots;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Sweep throughput, measured (not a test): the pure engine over a synthetic estate, and SweepFunction end to end over
 * 500 endpoints on the local AWS. Run with tools/bench/sweep.sh; figures go to docs/performance.md.
 */
public final class SweepBenchmark {
  private static final int ROUNDS = 7;

  public static void main(String[] args) throws Exception {
    int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    engine(endpoints * 4);
    endToEnd(endpoints);
  }

  private static void engine(int n) {
    List<EndpointSnapshot> list = new ArrayList<>();
    String[] policies = {Snapshots.FULL_ACCESS_POLICY, DemoEstate.perimeterPolicy(),
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},"
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}"};
    for (int i = 0; i < n; i++) {
      list.add(endpoint(String.format("vpce-%017x", i)).policy(policies[i % policies.length])
          .privateDns(i % 5 != 0)
          .subnets(subnet("subnet-a", "use1-az1"))
          .groups(group("sg-" + (i % 7)).allow("tcp", 443, 443, i % 9 == 0 ? "0.0.0.0/0" : "10.0.0.0/16"))
          .build());
    }
    Estate estate = new Estate(Snapshots.ACCOUNT, "us-east-1", list, List.of());
    RuleRegistry rules = RuleRegistry.standard();
    long[] nanos = new long[ROUNDS];
    for (int warm = 0; warm < 3; warm++) {
      evaluate(rules, estate);
    }
    int evaluations = 0;
    for (int r = 0; r < ROUNDS; r++) {
      long t = System.nanoTime();
      evaluations = evaluate(rules, estate);
      nanos[r] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf("engine: %d endpoints, %d evaluations per round; median %.1f ms (min %.1f, max %.1f) = "
            + "%.0f endpoints/s%n", n, evaluations, nanos[ROUNDS / 2] / 1e6, nanos[0] / 1e6, nanos[ROUNDS - 1] / 1e6,
        n / (nanos[ROUNDS / 2] / 1e9));
  }

  /** Every endpoint rule over every endpoint, then every VPC rule over every VPC: the number of evaluations. */
  private static int evaluate(RuleRegistry rules, Estate estate) {
    RuleContext context = Snapshots.context();
    List<Evaluation> evaluations = new ArrayList<>();
    for (EndpointSnapshot endpoint : estate.endpoints()) {
      rules.endpointRules().forEach(rule -> evaluations.add(rule.evaluate(endpoint, context)));
    }
    for (VpcSnapshot vpc : estate.vpcs()) {
      rules.vpcRules().forEach(rule -> evaluations.add(rule.evaluate(vpc, context)));
    }
    return evaluations.size();
  }

  private static void endToEnd(int n) throws Exception {
    try (LocalAws aws = LocalAws.start(LocalAwsExtension.home(), System.err::println);
         AwsClients clients = new AwsClients(AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()))) {
      long seedStart = System.nanoTime();
      int vpcs = 5;
      for (int v = 0; v < vpcs; v++) {
        int vv = v;
        String vpc = clients.ec2().createVpc(b -> b.cidrBlock("10." + vv + ".0.0/16")).vpc().vpcId();
        clients.ec2().modifyVpcAttribute(b -> b.vpcId(vpc).enableDnsHostnames(h -> h.value(true)));
        List<String> subnets = new ArrayList<>();
        for (String az : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
          int k = subnets.size();
          subnets.add(clients.ec2().createSubnet(b -> b.vpcId(vpc).availabilityZone(az)
              .cidrBlock("10." + vv + "." + k + ".0/24")).subnet().subnetId());
        }
        for (int i = 0; i < n / vpcs; i++) {
          int ii = i;
          clients.ec2().createVpcEndpoint(b -> b.vpcId(vpc).vpcEndpointType(VpcEndpointType.INTERFACE)
              .serviceName("com.amazonaws.us-east-1.ssm").privateDnsEnabled(false)
              .subnetIds(subnets.subList(0, 1 + ii % 3)));
        }
      }
      System.out.printf("end to end: seeded %d endpoints in %d VPCs in %.1f s%n", n, vpcs,
          (System.nanoTime() - seedStart) / 1e9);
      byte[] event = ("{\"version\":\"0\",\"id\":\"bench\",\"detail-type\":\"Scheduled Event\",\"source\":"
          + "\"aws.events\",\"account\":\"123456789012\",\"time\":\"2026-11-26T00:00:00Z\",\"region\":\"us-east-1\","
          + "\"resources\":[],\"detail\":{}}").getBytes(StandardCharsets.UTF_8);
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      long[] nanos = new long[ROUNDS];
      int evaluated = 0;
      for (int r = 0; r < ROUNDS; r++) {
        long t = System.nanoTime();
        LocalInvoker.LocalRun run = LocalInvoker.invoke(Functions.SWEEP, Map.of(),
            AwsClients.Target.local(Region.US_EAST_1, aws.endpoint()), event, 900, quiet);
        nanos[r] = System.nanoTime() - t;
        JsonNode result = run.result().orElseThrow();
        evaluated = result.at("/summary/evaluated").asInt();
      }
      Arrays.sort(nanos);
      System.out.printf("end to end: SweepFunction (alert mode, new runtime each round) over %d endpoints: %d "
              + "evaluations; median %.2f s (min %.2f, max %.2f) = %.0f endpoints/s%n", n, evaluated,
          nanos[ROUNDS / 2] / 1e9, nanos[0] / 1e9, nanos[ROUNDS - 1] / 1e9, n / (nanos[ROUNDS / 2] / 1e9));
    }
  }
}
