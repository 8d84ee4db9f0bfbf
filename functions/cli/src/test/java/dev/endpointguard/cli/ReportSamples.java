package dev.endpointguard.cli;

import static dev.endpointguard.testing.Snapshots.endpoint;
import static dev.endpointguard.testing.Snapshots.group;
import static dev.endpointguard.testing.Snapshots.service;
import static dev.endpointguard.testing.Snapshots.subnet;
import static dev.endpointguard.testing.Snapshots.summary;
import static dev.endpointguard.testing.Snapshots.vpc;

import dev.endpointguard.engine.Pipeline;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.EndpointSnapshot;
import dev.endpointguard.model.EndpointState;
import dev.endpointguard.model.EndpointSummary;
import dev.endpointguard.model.EndpointType;
import dev.endpointguard.model.Estate;
import dev.endpointguard.model.Targets;
import dev.endpointguard.model.VpcSnapshot;
import dev.endpointguard.plan.AddSubnets;
import dev.endpointguard.plan.ChangeResult;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportProblem;
import dev.endpointguard.report.ScanDocument;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.testing.OfflinePipeline;
import dev.endpointguard.testing.Requests;
import dev.endpointguard.testing.Snapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * A realistic scan for the HTML report's tests: two accounts, three VPCs, endpoints in one to three AZs, findings of
 * every rule with their plans, evaluated by the real pipeline in alert mode (nothing read or written), one plan shown
 * as applied, a Region that could not be read and an endpoint left out.
 */
final class ReportSamples {
  static final String PROD = "111122223333";
  static final String SHARED = "444455556666";
  static final String REGION = "us-east-1";
  static final Instant GENERATED = Instant.parse("2025-06-02T09:30:00Z");
  private static final String KMS = "com.amazonaws.us-east-1.kms";
  private static final String STS = "com.amazonaws.us-east-1.sts";
  private static final String ECR = "com.amazonaws.us-east-1.ecr.api";
  private static final String LOGS = "com.amazonaws.us-east-1.logs";
  private static final String SECRETS = "com.amazonaws.us-east-1.secretsmanager";

  private ReportSamples() {
  }

  /** A policy that admits only the account's own principals: compliant. */
  static String accountOnlyPolicy(String account) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":\"" + account + "\"}}}]}";
  }

  /** The whole sample scan. */
  static ScanDocument document() {
    try (OfflinePipeline offline = new OfflinePipeline()) {
      Pipeline pipeline = offline.pipeline();
      Run prod = run(pipeline, prodEstate());
      Run shared = run(pipeline, sharedEstate());
      List<ReportProblem> problems = List.of(
          ReportProblem.resource(new AccountRegion(PROD, REGION), "vpce-0c0ffee0000000001",
              "left out: its subnet subnet-0dead0000000000001 could not be read", true),
          ReportProblem.scope(new AccountRegion(SHARED, "eu-west-1"), "could not be read: AuthFailure: AWS was not"
              + " able to validate the provided access credentials (a Region launched after March 2019 answers so"
              + " until the account enables it)"));
      return new ScanDocument(GENERATED, List.of(withEcrApplied(prod.report()), shared.report(),
          new ScanReport(SHARED, "eu-west-1", List.of())), problems);
    }
  }

  private static Run run(Pipeline pipeline, Estate estate) {
    return pipeline.evaluateAndAct(Requests.of(Targets.allInRegion(), Settings.defaults()), estate, List.of());
  }

  /**
   * Account 1: the prod VPC (three AZs with private subnets, a public subnet) with a single-AZ SSM endpoint and full
   * access, an STS endpoint with private DNS off, an ECR endpoint whose missing AZ this run added, a KMS endpoint
   * everywhere, a logs endpoint open to the internet, a gateway endpoint for S3; and a data VPC in two other AZs.
   */
  static Estate prodEstate() {
    var a = subnet("subnet-0a1", "use1-az1");
    var b = subnet("subnet-0b2", "use1-az2");
    var c = subnet("subnet-0c4", "use1-az4");
    var pub = subnet("subnet-0f1", "use1-az1").publicSubnet();
    var prodVpc = vpc().subnets(a, b, c, pub).endpoints(
        summary("vpce-0ssm00000000000a1", EndpointType.INTERFACE, Snapshots.SSM, true, "subnet-0a1"),
        summary("vpce-0kms00000000000a1", EndpointType.INTERFACE, KMS, true, "subnet-0a1", "subnet-0b2",
            "subnet-0c4"),
        summary("vpce-0sts00000000000a1", EndpointType.INTERFACE, STS, false, "subnet-0a1", "subnet-0b2"),
        summary("vpce-0ecr00000000000a1", EndpointType.INTERFACE, ECR, true, "subnet-0b2"),
        summary("vpce-0log00000000000a1", EndpointType.INTERFACE, LOGS, true, "subnet-0a1", "subnet-0c4"),
        summary("vpce-0s3000000000000a1", EndpointType.GATEWAY, Snapshots.S3, false));
    List<EndpointSnapshot> endpoints = new ArrayList<>();
    endpoints.add(endpoint("vpce-0ssm00000000000a1").subnets(a).vpc(prodVpc).build());
    endpoints.add(endpoint("vpce-0kms00000000000a1").service(service(KMS)).subnets(a, b, c)
        .policy(accountOnlyPolicy(PROD)).vpc(prodVpc).build());
    endpoints.add(endpoint("vpce-0sts00000000000a1").service(service(STS)).privateDns(false).subnets(a, b)
        .policy(accountOnlyPolicy(PROD)).vpc(prodVpc).build());
    endpoints.add(endpoint("vpce-0ecr00000000000a1").service(service(ECR)).subnets(b)
        .policy(accountOnlyPolicy(PROD)).vpc(prodVpc).build());
    endpoints.add(endpoint("vpce-0log00000000000a1").service(service(LOGS)).subnets(a, c)
        .policy(accountOnlyPolicy(PROD))
        .groups(group("sg-0open0000000000001").allow("tcp", 443, 443, "0.0.0.0/0")
            .endpointInterfacesIn("subnet-0a1", "subnet-0c4"))
        .vpc(prodVpc).build());

    var dataVpc = vpc("vpc-0data000000000002").cidrs(List.of("10.20.0.0/16"), List.of())
        .subnets(subnet("subnet-0d3", "use1-az3").inVpc("vpc-0data000000000002"),
            subnet("subnet-0d6", "use1-az6").inVpc("vpc-0data000000000002"))
        .endpoints(summary("vpce-0sec00000000000d2", EndpointType.INTERFACE, SECRETS, true, "subnet-0d3",
            "subnet-0d6"));
    endpoints.add(endpoint("vpce-0sec00000000000d2").service(service(SECRETS)).subnets(
            subnet("subnet-0d3", "use1-az3").inVpc("vpc-0data000000000002"),
            subnet("subnet-0d6", "use1-az6").inVpc("vpc-0data000000000002"))
        .policy(accountOnlyPolicy(PROD)).vpc(dataVpc).build());
    List<VpcSnapshot> vpcs = List.of(prodVpc.build(), dataVpc.build());
    return new Estate(PROD, REGION, endpoints, vpcs);
  }

  /**
   * Account 2, whose AZ names map differently (use1-az1 is us-east-1c there): a shared-services VPC with a
   * Secrets Manager endpoint in two of three AZs, and a sibling endpoint pending acceptance in one.
   */
  static Estate sharedEstate() {
    var a = subnet("subnet-1a1", "use1-az1").azName("us-east-1c").inVpc("vpc-0shared00000000003");
    var b = subnet("subnet-1b2", "use1-az2").azName("us-east-1a").inVpc("vpc-0shared00000000003");
    var c = subnet("subnet-1c4", "use1-az4").azName("us-east-1d").inVpc("vpc-0shared00000000003");
    var shared = vpc("vpc-0shared00000000003").cidrs(List.of("10.40.0.0/16"), List.of()).subnets(a, b, c)
        .endpoints(new EndpointSummary("vpce-0partner0000000b3", EndpointType.INTERFACE,
            "com.amazonaws.vpce.us-east-1.vpce-svc-0partner00000000b", EndpointState.of(
                "pendingAcceptance"), false, List.of("subnet-1b2")));
    EndpointSnapshot secrets = endpoint("vpce-0sec00000000000b3").service(service(SECRETS)).subnets(a, b)
        .policy(accountOnlyPolicy(SHARED)).vpc(shared).build();
    return new Estate(SHARED, REGION, List.of(secrets), List.of(secrets.vpc()));
  }

  /** The ECR endpoint's single-AZ plan as this run would have applied it: every change APPLIED. */
  private static ScanReport withEcrApplied(ScanReport report) {
    List<EvaluationResult> results = report.results().stream().map(r -> {
      if (r.evaluation().rule() == RuleId.SINGLE_AZ_ENDPOINT
          && r.evaluation().resourceId().equals("vpce-0ecr00000000000a1") && r.outcome() == Outcome.PLANNED) {
        AddSubnets add = (AddSubnets) r.evaluation().plan().get(0);
        return new EvaluationResult(r.evaluation(), Outcome.APPLIED, Optional.empty(), r.previous(),
            List.of(ChangeResult.of(add, Outcome.APPLIED)));
      }
      return r;
    }).toList();
    return new ScanReport(report.account(), report.region(), results, report.coverage());
  }
}
