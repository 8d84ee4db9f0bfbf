package dev.endpointguard.alert;

import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.EnablePrivateDns;
import dev.endpointguard.plan.EnableVpcDnsAttribute;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.plan.RequireAcceptance;
import dev.endpointguard.plan.VpcDnsAttribute;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.Plans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluations and results built directly, as the rules and the executor would hand them over. */
public final class Findings {
  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "us-east-1";
  public static final String ENDPOINT = "vpce-0abc1234def567890";
  public static final String VPC = "vpc-0aaa1111bbbb2222c";
  public static final String SERVICE = "vpce-svc-0abc1234def567890";
  public static final String BROAD_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  public static final String NARROW_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
      + "{\"aws:PrincipalAccount\":[\"123456789012\"]}}}]}";

  private Findings() {
  }

  public static Severity severityOf(RuleId rule) {
    return switch (rule) {
      case SINGLE_AZ_ENDPOINT, BROAD_ENDPOINT_POLICY, BROAD_ENDPOINT_SERVICE_PERMISSIONS -> Severity.HIGH;
      case PRIVATE_DNS_DISABLED, VPC_DNS_DISABLED, BROAD_ENDPOINT_SECURITY_GROUP -> Severity.MEDIUM;
    };
  }

  /** The plan each rule makes, one change kind per rule (private DNS: the VPC attribute then the endpoint). */
  public static List<Change> planFor(RuleId rule) {
    return switch (rule) {
      case SINGLE_AZ_ENDPOINT -> List.of(Plans.addSubnets(ENDPOINT, List.of("subnet-0b", "subnet-0c"),
          List.of("use1-az2", "use1-az4")));
      case PRIVATE_DNS_DISABLED -> List.of(
          new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_HOSTNAMES),
          new EnablePrivateDns(ENDPOINT, "sqs.us-east-1.amazonaws.com"));
      case VPC_DNS_DISABLED -> List.of(new EnableVpcDnsAttribute(VPC, VpcDnsAttribute.ENABLE_DNS_SUPPORT));
      case BROAD_ENDPOINT_POLICY -> List.of(Plans.narrowPolicy(ENDPOINT, BROAD_POLICY, NARROW_POLICY));
      case BROAD_ENDPOINT_SECURITY_GROUP -> List.of(Plans.replaceIngressSource("sg-0123", "tcp", 443, 443,
          "0.0.0.0/0", List.of("10.0.0.0/16")));
      case BROAD_ENDPOINT_SERVICE_PERMISSIONS -> List.of(new RequireAcceptance(SERVICE, "us-east-1", List.of("*")));
    };
  }

  public static Evaluation nonCompliant(RuleId rule, String resourceId, List<Change> plan) {
    ResourceType type = rule == RuleId.VPC_DNS_DISABLED ? ResourceType.VPC
        : rule == RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS ? ResourceType.VPC_ENDPOINT_SERVICE
        : ResourceType.VPC_ENDPOINT;
    String vpc = type == ResourceType.VPC_ENDPOINT_SERVICE ? Evaluation.NO_VPC : VPC;
    return new Evaluation(rule, type, resourceId, vpc, Status.NON_COMPLIANT, severityOf(rule),
        "reason for " + rule.id() + " on " + resourceId, plan);
  }

  public static EvaluationResult result(RuleId rule, Outcome outcome) {
    String resource = rule == RuleId.VPC_DNS_DISABLED ? VPC
        : rule == RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS ? SERVICE : ENDPOINT;
    return new EvaluationResult(nonCompliant(rule, resource, planFor(rule)), outcome, Optional.empty(),
        previousFor(rule));
  }

  /** The {@code previous} state of {@link #planFor}'s plan, shaped as docs/handlers.md lists it per change kind. */
  public static Map<String, Object> previousFor(RuleId rule) {
    return switch (rule) {
      case SINGLE_AZ_ENDPOINT -> Map.of("subnetIds", List.of("subnet-0a"), "azIds", List.of("use1-az1"));
      case PRIVATE_DNS_DISABLED -> Map.of("privateDnsEnabled", false, "enableDnsHostnames", false);
      case VPC_DNS_DISABLED -> Map.of("enableDnsSupport", false);
      case BROAD_ENDPOINT_POLICY -> Map.of("policyDocument", BROAD_POLICY);
      case BROAD_ENDPOINT_SECURITY_GROUP -> Map.of("securityGroupIngress",
          Map.of("sg-0123", List.of("tcp 443 from 0.0.0.0/0")));
      case BROAD_ENDPOINT_SERVICE_PERMISSIONS -> Map.of("acceptanceRequired", false, "allowedPrincipals",
          List.of("*"));
    };
  }

  public static EvaluationResult compliant(RuleId rule, String resourceId) {
    return EvaluationResult.of(new Evaluation(rule, ResourceType.VPC_ENDPOINT, resourceId, VPC, Status.COMPLIANT,
        severityOf(rule), "fine", List.of()), Outcome.NONE);
  }

  public static EvaluationResult notApplicable(RuleId rule, String resourceId) {
    return EvaluationResult.of(new Evaluation(rule, ResourceType.VPC_ENDPOINT, resourceId, VPC,
        Status.NOT_APPLICABLE, severityOf(rule), "exempt", List.of()), Outcome.NONE);
  }

  /** {@code n} findings cycling through the rules and outcomes, each on its own endpoint. */
  public static List<EvaluationResult> many(int n) {
    RuleId[] rules = RuleId.values();
    Outcome[] outcomes = {Outcome.PLANNED, Outcome.APPLIED, Outcome.FAILED};
    List<EvaluationResult> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RuleId rule = rules[i % rules.length];
      String id = rule == RuleId.BROAD_ENDPOINT_SERVICE_PERMISSIONS ? String.format("vpce-svc-%08x", i)
          : String.format("vpce-%017x", i);
      Outcome outcome = outcomes[i % outcomes.length];
      Optional<String> error = outcome == Outcome.FAILED ? Optional.of("InvalidParameter: no") : Optional.empty();
      results.add(new EvaluationResult(nonCompliant(rule, id, planFor(rule)), outcome, error, previousFor(rule)));
    }
    return results;
  }

  public static ScanReport report(List<EvaluationResult> results) {
    return new ScanReport(ACCOUNT, REGION, results);
  }
}
