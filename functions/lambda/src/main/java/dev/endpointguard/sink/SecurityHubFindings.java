package dev.endpointguard.sink;

import dev.endpointguard.engine.Run;
import dev.endpointguard.model.AccountRegion;
import dev.endpointguard.plan.Change;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;
import dev.endpointguard.rules.Status;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/**
 * A run's evaluations as AWS Security Finding Format findings (DESIGN.md §3), one per rule and resource, pure: the
 * same run and instant give the same findings.
 * <ul>
 *   <li>{@code Id} {@code endpoint-guard/<account>/<region>/<rule id>/<resource id>}, stable, so a rerun updates
 *       the finding; {@code ProductArn} the account's default product; {@code GeneratorId}
 *       {@code endpoint-guard/<rule id>}.</li>
 *   <li>NON_COMPLIANT (not fixed in this run): Compliance FAILED, RecordState ACTIVE, the rule's severity.
 *       COMPLIANT, or NON_COMPLIANT and fixed by this run (APPLIED: re-read and verified): PASSED, ARCHIVED,
 *       INFORMATIONAL, Workflow RESOLVED. NOT_APPLICABLE (exempt, out of the rule's scope, or the resource is gone):
 *       NOT_AVAILABLE and ARCHIVED, as Security Hub does with its own control findings.</li>
 *   <li>{@code CreatedAt} and {@code UpdatedAt} are the run's instant: Security Hub ignores an update whose UpdatedAt
 *       is not later than the stored one, so every run sends its own time. CreatedAt cannot stay the first import's
 *       time without reading the finding back (securityhub:GetFindings, not granted): it says when the finding was
 *       last observed.</li>
 *   <li>Severity and Types go both at the top level (required for a new finding) and in {@code FindingProviderFields}
 *       (how a provider updates them).</li>
 * </ul>
 * Every field is bounded (Title 256 characters, Description 1,024, one resource), so a finding stays far under
 * Security Hub's 240 KB and a batch of 100 under its 6 MB.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html ·
 * https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html ·
 * https://docs.aws.amazon.com/securityhub/latest/userguide/controls-overall-status.html
 */
public final class SecurityHubFindings {
  /** "The value is 2018-10-08." */
  static final String SCHEMA_VERSION = "2018-10-08";
  /** https://docs.aws.amazon.com/securityhub/latest/userguide/asff-type-taxonomy.html */
  static final String TYPE = "Software and Configuration Checks/AWS Security Best Practices";
  static final String ID_PREFIX = "endpoint-guard/";
  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 1024;
  /**
   * The ASFF has no VPC endpoint resource type; "If the resource does not match any of the provided types, then set
   * Type to Other." https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Resource.html
   */
  static final String OTHER = "Other";
  private static final String ELLIPSIS = "…";

  private SecurityHubFindings() {
  }

  /** One finding per evaluation of the run, in the run's order, as observed at {@code now}. */
  public static List<AwsSecurityFinding> of(Run run, Instant now) {
    return run.results().stream().map(r -> finding(r, run.scope(), now)).toList();
  }

  /** The finding of one evaluation in {@code scope} (the account and Region whose hub takes it). */
  static AwsSecurityFinding finding(EvaluationResult result, AccountRegion scope, Instant now) {
    Evaluation e = result.evaluation();
    String partition = partition(scope.region());
    String time = now.truncatedTo(ChronoUnit.MILLIS).toString();
    Verdict verdict = Verdict.of(result);
    // "INFORMATIONAL - No issue was found." https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Severity.html
    SeverityLabel severity = verdict.compliance == ComplianceStatus.FAILED
        ? SeverityLabel.fromValue(e.severity().name()) : SeverityLabel.INFORMATIONAL;
    Map<String, String> productFields = new LinkedHashMap<>();
    productFields.put("endpoint-guard/Rule", e.rule().id());
    productFields.put("endpoint-guard/Status", e.status().name());
    productFields.put("endpoint-guard/Outcome", result.outcome().name());
    productFields.put("endpoint-guard/ResourceType", e.resourceType().configName());
    if (!e.vpcId().isBlank()) {
      productFields.put("endpoint-guard/VpcId", e.vpcId());
    }
    AwsSecurityFinding.Builder b = AwsSecurityFinding.builder()
        .schemaVersion(SCHEMA_VERSION)
        .id(id(scope, e))
        .productArn(productArn(partition, scope))
        .generatorId(ID_PREFIX + e.rule().id())
        .awsAccountId(scope.account())
        .types(TYPE)
        .createdAt(time)
        .updatedAt(time)
        .severity(s -> s.label(severity))
        .findingProviderFields(f -> f.severity(s -> s.label(severity)).types(TYPE))
        .title(title(e))
        .description(description(result))
        .productFields(productFields)
        .resources(Resource.builder()
            .type(resourceType(e.resourceType().configName()))
            .id(resourceArn(partition, scope, e.resourceType().configName(), e.resourceId()))
            .partition(partition)
            .region(scope.region())
            .build())
        .compliance(c -> c.status(verdict.compliance))
        .recordState(verdict.recordState);
    // Honoured only when the finding is created: "Security Hub ignores any content in BatchImportFindings for
    // [Workflow]" of an existing finding.
    if (verdict.compliance == ComplianceStatus.PASSED) {
      b.workflow(w -> w.status(WorkflowStatus.RESOLVED));
    }
    return b.build();
  }

  /** {@code endpoint-guard/<account>/<region>/<rule id>/<resource id>}. */
  public static String id(AccountRegion scope, Evaluation e) {
    return ID_PREFIX + scope.account() + "/" + scope.region() + "/" + e.rule().id() + "/" + e.resourceId();
  }

  /**
   * The partition of a Region, from the SDK's Region metadata (aws, aws-cn, aws-us-gov, …).
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
   */
  static String partition(String region) {
    return PartitionMetadata.of(Region.of(region)).id();
  }

  /** The account's default product: {@code arn:<partition>:securityhub:<region>:<account>:product/<account>/default}. */
  static String productArn(String partition, AccountRegion scope) {
    return "arn:" + partition + ":securityhub:" + scope.region() + ":" + scope.account() + ":product/"
        + scope.account() + "/default";
  }

  /**
   * The ASFF resource type of an AWS Config resource type.
   * https://docs.aws.amazon.com/securityhub/latest/userguide/asff-resources.html
   */
  static String resourceType(String configType) {
    return switch (configType) {
      case "AWS::EC2::VPC" -> "AwsEc2Vpc";
      case "AWS::EC2::VPCEndpointService" -> "AwsEc2VpcEndpointService";
      default -> OTHER;
    };
  }

  /**
   * The resource's ARN ({@code arn:<partition>:ec2:<region>:<account>:vpc-endpoint/vpce-…}).
   * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html#amazonec2-resources-for-iam-policies
   */
  static String resourceArn(String partition, AccountRegion scope, String configType, String resourceId) {
    String kind = switch (configType) {
      case "AWS::EC2::VPC" -> "vpc";
      case "AWS::EC2::VPCEndpointService" -> "vpc-endpoint-service";
      default -> "vpc-endpoint";
    };
    return "arn:" + partition + ":ec2:" + scope.region() + ":" + scope.account() + ":" + kind + "/" + resourceId;
  }

  static String title(Evaluation e) {
    return cut(e.rule().id() + ": " + e.resourceId() + " is " + e.status(), MAX_TITLE);
  }

  /** The reason, then what was or would be done, its impact and rollback; at most 1,024 characters. */
  static String description(EvaluationResult result) {
    Evaluation e = result.evaluation();
    StringBuilder text = new StringBuilder(e.reason().isBlank() ? e.status().name() : e.reason());
    List<Change> plan = e.plan();
    if (e.status() == Status.NON_COMPLIANT) {
      if (plan.isEmpty()) {
        text.append(" No safe automatic fix exists; fix it by hand.");
      } else {
        text.append(switch (result.outcome()) {
          case APPLIED -> " Fixed:";
          case FAILED -> " Fix failed (" + result.error().orElse("a change failed") + "):";
          case SKIPPED -> " Fix skipped (" + result.error().orElse("nothing was applied") + "):";
          default -> " Plan (not applied):";
        });
        for (Change c : plan) {
          text.append(' ').append(c.describe()).append(". Impact: ").append(c.impact()).append(". Rollback: ")
              .append(c.rollback()).append('.');
        }
      }
    }
    return cut(text.toString(), MAX_DESCRIPTION);
  }

  /** At most {@code max} characters, cut at a word boundary with an ellipsis when too long. */
  static String cut(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= max) {
      return oneLine;
    }
    String head = oneLine.substring(0, max - ELLIPSIS.length());
    int space = head.lastIndexOf(' ');
    if (space > max / 2) {
      head = head.substring(0, space);
    }
    return head.stripTrailing() + ELLIPSIS;
  }

  /** Compliance and record state of an evaluation's finding. */
  private record Verdict(ComplianceStatus compliance, RecordState recordState) {
    static Verdict of(EvaluationResult result) {
      return switch (result.evaluation().status()) {
        case NON_COMPLIANT -> result.outcome() == Outcome.APPLIED
            ? new Verdict(ComplianceStatus.PASSED, RecordState.ARCHIVED)
            : new Verdict(ComplianceStatus.FAILED, RecordState.ACTIVE);
        case COMPLIANT -> new Verdict(ComplianceStatus.PASSED, RecordState.ARCHIVED);
        // "NOT_AVAILABLE – … the resource was deleted, or the result of the AWS Config evaluation was NOT_APPLICABLE.
        // If the AWS Config evaluation result was NOT_APPLICABLE, Security Hub automatically archives the finding."
        case NOT_APPLICABLE -> new Verdict(ComplianceStatus.NOT_AVAILABLE, RecordState.ARCHIVED);
      };
    }
  }
}
