package dev.endpointguard.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS-owned S3 buckets that AWS documents as read through an S3 endpoint from a VPC, for one Region of the aws
 * partition: package repositories, agents and service artifacts that instances fetch anonymously or with a URL an
 * AWS account presigned, so that no identity-perimeter condition matches them. The list is the Region-scoped
 * {@code AllowRequestsToAWSOwnedResources} statement of AWS's data-perimeter S3 endpoint policy, group by group, each
 * with the AWS page that documents it; two entries need values no Region gives (CodeArtifact's per-Region asset
 * account, Cloud9's bucket suffix) and are left out.
 * https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/vpc_endpoint_policies/s3_endpoint_policy.json ·
 * https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/service_owned_resources.md
 */
final class AwsOwnedBuckets {
  /** What the data-perimeter statement allows on them: reading objects, and listing the few named as buckets. */
  static final List<String> ACTIONS = List.of("s3:GetObject", "s3:ListBucket");

  // com.amazonaws.<region>.s3 serves the buckets of that Region (gateway and interface endpoints alike; with
  // cross-Region PrivateLink the service name carries the remote Region, where those requests go).
  // https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html
  private static final Pattern S3_SERVICE = Pattern.compile("com\\.amazonaws\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.s3");
  // Other partitions (China, GovCloud, ISO) name their buckets differently; the list is the aws partition's.
  private static final Pattern OTHER_PARTITION = Pattern.compile("(cn|us-gov|us-iso[a-z]*|eu-iso[a-z]*)-.*");

  /** One service's buckets in a Region, and the AWS page that says an endpoint policy must allow them. */
  record Group(String service, String page, List<String> arns) {
    Group {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(page, "page");
      arns = List.copyOf(arns);
    }
  }

  private record Template(String service, String page, Function<String, List<String>> buckets) {
  }

  private static final List<Template> TEMPLATES = List.of(
      new Template("Amazon Linux 2 and AMI repositories",
          "https://docs.aws.amazon.com/linux/al2/ug/al2-live-patching.html",
          r -> List.of("packages." + r + ".amazonaws.com/*", "repo." + r + ".amazonaws.com/*",
              "amazonlinux." + r + ".amazonaws.com/*", "amazonlinux-2-repos-" + r + "/*")),
      new Template("Amazon Linux 2023 repositories",
          "https://docs.aws.amazon.com/linux/al2023/ug/live-patching.html",
          r -> List.of("al2023-repos-" + r + "-de612dc2/*", "al2023-" + r + "/*")),
      new Template("Amazon EMR",
          "https://docs.aws.amazon.com/emr/latest/ManagementGuide/private-subnet-iampolicy.html",
          r -> List.of("repo." + r + ".emr.amazonaws.com/*", "prod." + r + ".appinfo.src/*")),
      new Template("SSM Agent",
          "https://docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent-technical-details.html#ssm-agent-minimum-s3-permissions",
          AwsOwnedBuckets::ssmAgent),
      new Template("Session Manager plugin and SSM document categories",
          "https://docs.aws.amazon.com/systems-manager/latest/userguide/data-perimeters.html",
          r -> List.of("session-manager-downloads/*", "ssm-document-categories/*")),
      new Template("CloudWatch agent",
          "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/download-cloudwatch-agent-commandline.html",
          r -> List.of("amazoncloudwatch-agent-" + r + "/*", "amazoncloudwatch-agent/*")),
      new Template("CodeDeploy agent",
          "https://docs.aws.amazon.com/codedeploy/latest/userguide/instances-ec2-configure.html",
          r -> List.of("aws-codedeploy-" + r + "/*")),
      new Template("EC2 Image Builder",
          "https://docs.aws.amazon.com/imagebuilder/latest/userguide/security-iam-data-perimeter.html",
          r -> List.of("ec2imagebuilder-toe-" + r + "-prod/*",
              "ec2imagebuilder-managed-resources-" + r + "-prod/components/*")),
      new Template("Amazon ECR image layers",
          "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-minimum-s3-perms",
          r -> List.of("prod-" + r + "-starport-layer-bucket/*")),
      new Template("Application Migration Service",
          "https://docs.aws.amazon.com/mgn/latest/ug/Network-Requirements.html",
          r -> List.of("aws-mgn-clients-" + r + "/*", "aws-mgn-clients-hashes-" + r + "/*",
              "aws-mgn-internal-" + r + "/*", "aws-mgn-internal-hashes-" + r + "/*",
              "aws-application-migration-service-" + r + "/*",
              "aws-application-migration-service-hashes-" + r + "/*")),
      new Template("Elastic Disaster Recovery",
          "https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html",
          r -> List.of("aws-drs-clients-" + r + "/*", "aws-drs-clients-hashes-" + r + "/*",
              "aws-drs-internal-" + r + "/*", "aws-drs-internal-hashes-" + r + "/*",
              "aws-elastic-disaster-recovery-" + r + "/*", "aws-elastic-disaster-recovery-hashes-" + r + "/*")),
      // Custom-resource response buckets are named with the Region's dashes removed (uswest2).
      new Template("CloudFormation wait conditions, custom resources and helper scripts",
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/vpc-interface-endpoints.html",
          r -> List.of("cloudformation-waitcondition-" + r + "/*",
              "cloudformation-custom-resource-response-" + r.replace("-", "") + "/*", "cloudformation-examples/*")),
      new Template("ACM for Nitro Enclaves",
          "https://docs.aws.amazon.com/enclaves/latest/user/nitro-enclave-refapp.html#role-cert",
          r -> List.of("aws-ec2-enclave-certificate-" + r + "-prod/*")),
      new Template("Elastic Beanstalk",
          "https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/vpc-vpce.policy.html#AWSHowTo.S3.VPCendpoints",
          r -> List.of("elasticbeanstalk-samples-" + r + "/*", "elasticbeanstalk-platform-assets-" + r + "/*",
              "elasticbeanstalk-env-resources-" + r + "/*", "elasticbeanstalk-" + r + "/*")),
      new Template("SageMaker JumpStart",
          "https://docs.aws.amazon.com/sagemaker/latest/dg/jumpstart-deploy.html#jumpstart-config-security",
          r -> List.of("jumpstart-cache-prod-" + r + "/*", "jumpstart-cache-prod-" + r)),
      new Template("Neptune graph notebooks",
          "https://docs.aws.amazon.com/neptune/latest/userguide/graph-notebooks.html#graph-notebooks-workbench",
          r -> List.of("aws-neptune-notebook", "aws-neptune-notebook/*", "aws-neptune-notebook-" + r,
              "aws-neptune-notebook-" + r + "/*")),
      new Template("Athena examples",
          "https://docs.aws.amazon.com/athena/latest/ug/getting-started.html",
          r -> List.of("athena-examples-" + r + "/*", "athena-examples-" + r)),
      new Template("Schema Conversion Tool drivers",
          "https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Installing.JDBCDrivers.html",
          r -> List.of("awssupportdatasvcs.com/*", "redshift-downloads/*")),
      new Template("AWS Data Provider and Backint Agent for SAP",
          "https://docs.aws.amazon.com/sap/latest/sap-hana/aws-backint-agent-s3-installing-configuring.html",
          r -> List.of("aws-sap-data-provider/*", "aws-sap-dataprovider-" + r + "/*", "awssap-backint-agent/*")),
      new Template("AWS CLI installer",
          "https://github.com/aws-samples/data-perimeter-policy-examples/blob/main/vpc_endpoint_policies/s3_endpoint_policy.json",
          r -> List.of("aws-cli/*")));

  private AwsOwnedBuckets() {
  }

  /**
   * The groups for an S3 endpoint's service ({@code com.amazonaws.<region>.s3}) in the aws partition; empty for any
   * other service or partition.
   */
  static Optional<List<Group>> forService(String serviceName) {
    return region(serviceName).map(r -> TEMPLATES.stream()
        .map(t -> new Group(t.service(), t.page(), t.buckets().apply(r).stream().map(b -> "arn:aws:s3:::" + b)
            .toList()))
        .toList());
  }

  /** The Region whose AWS-owned buckets an endpoint for {@code serviceName} serves; empty when not S3 in aws. */
  static Optional<String> region(String serviceName) {
    Matcher m = S3_SERVICE.matcher(serviceName);
    return m.matches() && !OTHER_PARTITION.matcher(m.group(1)).matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * SSM Agent's buckets: the distribution service is {@code <region>-birdwatcher-prod} except in af-south-1 and
   * eu-south-1, which use {@code aws-ssm-distributor-file-<region>}; patch baseline snapshots use an extended name in
   * me-south-1 and af-south-1.
   */
  private static List<String> ssmAgent(String r) {
    boolean distributorFile = r.equals("af-south-1") || r.equals("eu-south-1");
    String patchSnapshots = switch (r) {
      case "me-south-1" -> "patch-baseline-snapshot-me-south-1-uduvl7q8";
      case "af-south-1" -> "patch-baseline-snapshot-af-south-1-tbxdb5b9";
      default -> "patch-baseline-snapshot-" + r;
    };
    List<String> buckets = new ArrayList<>(List.of("aws-ssm-" + r + "/*", "aws-windows-downloads-" + r + "/*",
        "amazon-ssm-" + r + "/*", "amazon-ssm-packages-" + r + "/*"));
    buckets.add(distributorFile ? "aws-ssm-distributor-file-" + r + "/*" : r + "-birdwatcher-prod/*");
    buckets.addAll(List.of("aws-ssm-document-attachments-" + r + "/*", patchSnapshots + "/*",
        "aws-patchmanager-macos-" + r + "/*"));
    return buckets;
  }
}
