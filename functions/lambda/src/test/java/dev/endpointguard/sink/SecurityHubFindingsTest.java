package dev.endpointguard.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.model.Targets;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.ResourceType;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.rules.Severity;
import dev.endpointguard.rules.Status;
import dev.endpointguard.testing.Plans;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/** Issue 12: a run's evaluations as ASFF findings, field by field (pure: no AWS). */
class SecurityHubFindingsTest {
  private static final AccountRegion SCOPE = new AccountRegion("123456789012", "us-east-1");
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123456Z");
  private static final String ENDPOINT = "vpce-0a1b2c3d4e5f60718";
  private static final String VPC = "vpc-0a1b2c3d4e5f60718";

  @Test
  void finding_nonCompliantPlanned_failedActiveWithTheRuleSeverityAndEveryRequiredField() {
    AwsSecurityFinding f = only(result(Status.NON_COMPLIANT, Outcome.PLANNED, List.of(addSubnets())), SCOPE);

    assertThat(f.id()).isEqualTo("endpoint-guard/123456789012/us-east-1/single-az-endpoint/" + ENDPOINT);
    assertThat(f.generatorId()).isEqualTo("endpoint-guard/single-az-endpoint");
    assertThat(f.productArn()).isEqualTo("arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default");
    assertThat(f.awsAccountId()).isEqualTo("123456789012");
    assertThat(f.schemaVersion()).isEqualTo("2018-10-08");
    assertThat(f.types()).containsExactly("Software and Configuration Checks/AWS Security Best Practices");
    assertThat(f.createdAt()).isEqualTo("2026-12-01T10:00:00.123Z");
    assertThat(f.updatedAt()).isEqualTo("2026-12-01T10:00:00.123Z");
    assertThat(f.severity().label()).isEqualTo(SeverityLabel.HIGH);
    assertThat(f.findingProviderFields().severity().label()).isEqualTo(SeverityLabel.HIGH);
    assertThat(f.findingProviderFields().types()).isEqualTo(f.types());
    assertThat(f.compliance().status()).isEqualTo(ComplianceStatus.FAILED);
    assertThat(f.recordState()).isEqualTo(RecordState.ACTIVE);
    assertThat(f.workflow()).as("a new finding starts NEW").isNull();
    assertThat(f.title()).isEqualTo("single-az-endpoint: " + ENDPOINT + " is NON_COMPLIANT");
    assertThat(f.description()).startsWith("The endpoint is in one Availability Zone. Plan (not applied): ")
        .contains("Impact: ", "Rollback: aws ec2 modify-vpc-endpoint");
    assertThat(f.resources()).singleElement().satisfies(r -> {
      assertThat(r.type()).isEqualTo("Other");
      assertThat(r.id()).isEqualTo("arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/" + ENDPOINT);
      assertThat(r.partitionAsString()).isEqualTo("aws");
      assertThat(r.region()).isEqualTo("us-east-1");
    });
    assertThat(f.productFields()).containsEntry("endpoint-guard/Rule", "single-az-endpoint")
        .containsEntry("endpoint-guard/Outcome", "PLANNED").containsEntry("endpoint-guard/VpcId", VPC)
        .containsEntry("endpoint-guard/ResourceType", "AWS::EC2::VPCEndpoint");
  }

  @ParameterizedTest(name = "{0} {1} → {2} {3}")
  @CsvSource({
      "COMPLIANT,     NONE,    PASSED,        ARCHIVED",
      "NON_COMPLIANT, APPLIED, PASSED,        ARCHIVED",
      "NON_COMPLIANT, FAILED,  FAILED,        ACTIVE",
      "NON_COMPLIANT, SKIPPED, FAILED,        ACTIVE",
      "NOT_APPLICABLE, NONE,   NOT_AVAILABLE, ARCHIVED"})
  void finding_statusAndOutcome_complianceAndRecordState(Status status, Outcome outcome, ComplianceStatus compliance,
                                                          RecordState record) {
    List<Change> plan = status == Status.NON_COMPLIANT ? List.of(addSubnets()) : List.of();
    AwsSecurityFinding f = only(result(status, outcome, plan), SCOPE);

    assertThat(f.compliance().status()).isEqualTo(compliance);
    assertThat(f.recordState()).isEqualTo(record);
    // "INFORMATIONAL - No issue was found." https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html
    assertThat(f.severity().label()).isEqualTo(compliance == ComplianceStatus.FAILED ? SeverityLabel.HIGH
        : SeverityLabel.INFORMATIONAL);
    assertThat(f.workflow() == null ? null : f.workflow().status())
        .isEqualTo(compliance == ComplianceStatus.PASSED ? WorkflowStatus.RESOLVED : null);
  }

  @Test
  void finding_appliedPlan_saysItWasFixed() {
    AwsSecurityFinding f = only(result(Status.NON_COMPLIANT, Outcome.APPLIED, List.of(addSubnets())), SCOPE);

    assertThat(f.description()).contains(" Fixed: ");
  }

  @Test
  void finding_failedFix_carriesTheError() {
    EvaluationResult failed = new EvaluationResult(evaluation(Status.NON_COMPLIANT, List.of(addSubnets())),
        Outcome.FAILED, Optional.of("UnauthorizedOperation: not allowed"), Map.of());

    assertThat(only(failed, SCOPE).description()).contains("Fix failed (UnauthorizedOperation: not allowed):");
  }

  @Test
  void finding_nonCompliantWithoutPlan_saysFixByHand() {
    AwsSecurityFinding f = only(result(Status.NON_COMPLIANT, Outcome.NONE, List.of()), SCOPE);

    assertThat(f.description()).endsWith("No safe automatic fix exists; fix it by hand.");
  }

  @ParameterizedTest(name = "{0} → {1}, partition {2}")
  @CsvSource({
      "us-gov-west-1,  aws-us-gov",
      "cn-north-1,     aws-cn",
      "eu-west-1,      aws"})
  void finding_partition_fromTheRegionsMetadata(String region, String partition) {
    AccountRegion scope = new AccountRegion("123456789012", region);
    AwsSecurityFinding f = only(result(Status.NON_COMPLIANT, Outcome.PLANNED, List.of()), scope);

    assertThat(f.productArn()).isEqualTo("arn:" + partition + ":securityhub:" + region
        + ":123456789012:product/123456789012/default");
    assertThat(f.resources().get(0).id()).startsWith("arn:" + partition + ":ec2:" + region + ":123456789012:");
    assertThat(f.resources().get(0).partitionAsString()).isEqualTo(partition);
  }

  @Test
  void resourceTypes_vpcAndEndpointServiceDocumented_endpointOther() {
    assertThat(SecurityHubFindings.resourceType(ResourceType.VPC.configName())).isEqualTo("AwsEc2Vpc");
    assertThat(SecurityHubFindings.resourceType("AWS::EC2::VPCEndpointService")).isEqualTo("AwsEc2VpcEndpointService");
    assertThat(SecurityHubFindings.resourceType(ResourceType.VPC_ENDPOINT.configName())).isEqualTo("Other");
    assertThat(SecurityHubFindings.resourceArn("aws", SCOPE, "AWS::EC2::VPC", VPC))
        .isEqualTo("arn:aws:ec2:us-east-1:123456789012:vpc/" + VPC);
    assertThat(SecurityHubFindings.resourceArn("aws", SCOPE, "AWS::EC2::VPCEndpointService", "vpce-svc-0123456789"))
        .isEqualTo("arn:aws:ec2:us-east-1:123456789012:vpc-endpoint-service/vpce-svc-0123456789");
  }

  @Test
  void description_longReasonAndPlan_cutCleanlyTo1024() {
    Evaluation e = new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT, ENDPOINT, VPC,
        Status.NON_COMPLIANT, Severity.HIGH, "word ".repeat(300), List.of(addSubnets()));
    AwsSecurityFinding f = only(EvaluationResult.of(e, Outcome.PLANNED), SCOPE);

    assertThat(f.description()).hasSizeLessThanOrEqualTo(1024).endsWith("word…");
    assertThat(f.title()).hasSizeLessThanOrEqualTo(256);
    // Far under Security Hub's 240 KB per finding, so 100 findings stay far under 6 MB per call.
    assertThat(f.toString().length()).isLessThan(8_000);
  }

  @Test
  void cut_shortText_unchangedAndOnOneLine() {
    assertThat(SecurityHubFindings.cut("a\n b", 10)).isEqualTo("a b");
    assertThat(SecurityHubFindings.cut("x".repeat(20), 10)).isEqualTo("x".repeat(9) + "…");
  }

  @Test
  void of_run_oneFindingPerEvaluationInOrder() {
    Evaluation vpc = new Evaluation(RuleId.VPC_DNS_DISABLED, ResourceType.VPC, VPC, VPC, Status.COMPLIANT,
        Severity.MEDIUM, "DNS support and hostnames are on.", List.of());
    Run run = run(SCOPE, List.of(result(Status.NON_COMPLIANT, Outcome.PLANNED, List.of()),
        EvaluationResult.of(vpc, Outcome.NONE)));

    List<AwsSecurityFinding> findings = SecurityHubFindings.of(run, NOW);

    assertThat(findings).extracting(AwsSecurityFinding::id).containsExactly(
        "endpoint-guard/123456789012/us-east-1/single-az-endpoint/" + ENDPOINT,
        "endpoint-guard/123456789012/us-east-1/vpc-dns-disabled/" + VPC);
    assertThat(findings.get(1).resources().get(0).type()).isEqualTo("AwsEc2Vpc");
  }

  static Run run(AccountRegion scope, List<EvaluationResult> results) {
    return new Run(new Request(Targets.allInRegion(), Settings.defaults(), new RunSource("test", "run-1")), scope,
        results, List.of(), List.of());
  }

  private static AwsSecurityFinding only(EvaluationResult result, AccountRegion scope) {
    return SecurityHubFindings.finding(result, scope, NOW);
  }

  private static EvaluationResult result(Status status, Outcome outcome, List<Change> plan) {
    return EvaluationResult.of(evaluation(status, plan), outcome);
  }

  private static Evaluation evaluation(Status status, List<Change> plan) {
    return new Evaluation(RuleId.SINGLE_AZ_ENDPOINT, ResourceType.VPC_ENDPOINT, ENDPOINT, VPC, status,
        Severity.HIGH, "The endpoint is in one Availability Zone.", plan);
  }

  private static Change addSubnets() {
    return Plans.addSubnets(ENDPOINT, List.of("subnet-0b"), List.of("use1-az2"));
  }
}
