package dev.endpointguard.deploy;

import dev.endpointguard.plan.ChangeKind;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The IAM actions each function's role in template.yaml must hold: exactly what its code calls. The template test
 * compares the roles with this list, so a missing or an extra permission fails the build.
 */
public final class FunctionPermissions {

  /**
   * The reads of the inventory: Describe/List calls, which support no resource-level permissions,
   * GetManagedPrefixListEntries for the prefix lists that routes to other networks name (any list, own or shared),
   * ListResourceRecordSets (hosted zones), which reads the records of the private hosted zones named after a service,
   * organizations:DescribeOrganization, only when no trusted organization is configured and a policy names one, and
   * the account's own endpoint services with their allowed principals (one permissions call per service).
   */
  public static final List<String> INVENTORY_READS = List.of(
      "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcEndpointServices",
      "ec2:DescribeVpcs",
      "ec2:DescribeVpcAttribute",
      "ec2:DescribeSubnets",
      "ec2:DescribeRouteTables",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeAvailabilityZones",
      "ec2:GetManagedPrefixListEntries",
      "ec2:DescribeVpcEndpointServiceConfigurations",
      "ec2:DescribeVpcEndpointServicePermissions",
      "route53:ListHostedZonesByVPC",
      "route53:ListResourceRecordSets",
      "organizations:DescribeOrganization");

  /**
   * Calls the code makes that need no grant, so none is given.
   * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
   */
  public static final List<String> CALLS_WITHOUT_PERMISSION = List.of("sts:GetCallerIdentity");

  /** Writing to the function's own log group (created by the stack, so no logs:CreateLogGroup). */
  public static final List<String> LOGS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

  /** Lambda sends failed asynchronous invocations to the dead-letter queue with the function's role. */
  public static final List<String> FAILED_EVENTS = List.of("sqs:SendMessage");

  /**
   * Publishing to a topic encrypted with a customer managed key also needs the key.
   * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
   */
  public static final List<String> ALERTS = List.of("sns:Publish", "kms:GenerateDataKey", "kms:Decrypt");

  public static final List<String> CONFIG_EVALUATIONS = List.of("config:PutEvaluations");

  /**
   * Importing findings into the account's own default product, only when EnableSecurityHub is on (the statement is
   * conditional; both branches are read here). No read: resolving needs none (docs/handlers.md, Security Hub).
   * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecurityhub.html
   */
  public static final List<String> SECURITY_HUB = List.of("securityhub:BatchImportFindings");

  /**
   * The sweep's own queue: sending a hand-over (the sweep's code), and receiving and deleting hand-overs (Lambda's
   * event source mapping, with the function's role). https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
   */
  public static final List<String> SWEEP_QUEUE = List.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
      "sqs:GetQueueAttributes");

  private FunctionPermissions() {
  }

  /** The IAM actions every change kind declares ({@link ChangeKind}): what applying any plan may call. */
  public static Set<String> remediationWrites() {
    return ChangeKind.allIamActions();
  }

  /** Every IAM action the function's role must hold, no more. */
  public static Set<String> forFunction(DeployedFunction function) {
    Set<String> actions = new TreeSet<>(LOGS);
    actions.addAll(FAILED_EVENTS);
    actions.addAll(INVENTORY_READS);
    if (function.remediates()) {
      actions.addAll(remediationWrites());
    }
    if (function.alerts()) {
      actions.addAll(ALERTS);
    }
    if (function.reportsConfigEvaluations()) {
      actions.addAll(CONFIG_EVALUATIONS);
    }
    if (function.importsFindings()) {
      actions.addAll(SECURITY_HUB);
    }
    if (function.handsOverSweeps()) {
      actions.addAll(SWEEP_QUEUE);
    }
    return Collections.unmodifiableSet(actions);
  }
}
