package dev.endpointguard.policy;

import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

/**
 * Whether a statement names what it allows: explicit actions on specific resources. Such a statement, whoever its
 * principal, opens no path to arbitrary resources (such as a bucket of the caller's own), which is what makes an
 * any-principal statement broad. AWS writes its own endpoint-policy examples this way: the S3 and ECR examples allow
 * {@code s3:GetObject} on {@code arn:aws:s3:::bucket/*} to any principal.
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html#edit-vpc-endpoint-policy-s3 ·
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms
 */
final class SpecificResources {
  private SpecificResources() {
  }

  /**
   * True when the statement has Action and Resource (no NotAction/NotResource), every action is free of wildcards and
   * every resource is {@link #isSpecific specific}.
   */
  static boolean explicitActionsOnSpecificResources(IamStatement statement) {
    return statement.notActions().isEmpty() && statement.notResources().isEmpty()
        && !statement.actions().isEmpty() && !statement.resources().isEmpty()
        && statement.actions().stream().map(IamValue::value).noneMatch(Wildcards::in)
        && statement.resources().stream().map(IamValue::value).allMatch(SpecificResources::isSpecific);
  }

  /**
   * An ARN that names its resource before any wildcard: no wildcard in the partition, service, Region or account
   * field (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html); for an S3 bucket or object ARN
   * ({@code arn:aws:s3:::bucket/key}) a wildcard-free bucket name; for any other ARN a wildcard-free resource type and
   * resource name ({@code table/Books/index/*}, {@code log-group:app:*}, or a bare name such as an SQS queue's).
   * So {@code arn:aws:s3:::bucket/*} and {@code arn:aws:s3:::bucket/prefix/*} are specific; {@code arn:aws:s3:::*},
   * {@code arn:aws:s3:::app-*}, {@code arn:aws:sqs:*:*:*} and {@code arn:aws:ecr:…:repository/*} are not. A policy
   * variable ({@code ${aws:username}}) lets the caller choose the resource, so it is never specific.
   */
  static boolean isSpecific(String resource) {
    if (resource.contains("${")) {
      return false;
    }
    String[] fields = resource.split(":", 6);
    if (fields.length < 6 || !fields[0].equals("arn") || fields[1].isEmpty() || fields[2].isEmpty()) {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (Wildcards.in(fields[i])) {
        return false;
      }
    }
    String part = fields[5];
    if (fields[2].equals("s3") && fields[3].isEmpty() && fields[4].isEmpty()) {
      String bucket = part.split("/", 2)[0];
      return !bucket.isEmpty() && !Wildcards.in(bucket);
    }
    List<String> typeAndName = typeAndName(part);
    return typeAndName.stream().allMatch(s -> !s.isEmpty() && !Wildcards.in(s));
  }

  /** {@code type/name/...} or {@code type:name:...} → [type, name]; a part without separator → [name]. */
  private static List<String> typeAndName(String part) {
    int separator = firstSeparator(part, 0);
    if (separator < 0) {
      return List.of(part);
    }
    int end = firstSeparator(part, separator + 1);
    return List.of(part.substring(0, separator), part.substring(separator + 1, end < 0 ? part.length() : end));
  }

  private static int firstSeparator(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '/' || s.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }
}
