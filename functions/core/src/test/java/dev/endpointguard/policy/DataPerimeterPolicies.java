package dev.endpointguard.policy;

import java.util.Map;

/**
 * AWS's data-perimeter VPC endpoint policies as published (aws-samples/data-perimeter-policy-examples,
 * vpc_endpoint_policies/, commit 8e0d3c5), placeholders included, and their rendering with real values: the
 * recommended policies an endpoint carries once an organization adopts them.
 * https://github.com/aws-samples/data-perimeter-policy-examples/tree/main/vpc_endpoint_policies
 */
public final class DataPerimeterPolicies {
  public static final String ORG = Policies.ORG;
  /** Placeholder → value: us-east-1, the trusted organization, specific third-party accounts, actions and ARNs. */
  static final Map<String, String> VALUES = Map.ofEntries(
      Map.entry("<region>", "us-east-1"),
      Map.entry("<RegionWithoutDashes>", "useast1"),
      Map.entry("<my-org-id>", ORG),
      Map.entry("<glue-account-id>", "012345678901"),
      Map.entry("<ecr-account-id>", "602401143452"),
      Map.entry("<service-account-id>", "580247275435"),
      Map.entry("<CodeArtifact-Region-Account>", "210987654321"),
      Map.entry("<string>", "a1b2c3d4"),
      Map.entry("<action>", "s3:PutObject"),
      Map.entry("<third-party-resource-arn>", "arn:aws:s3:::partner-exchange-bucket/incoming/*"),
      Map.entry("<third-party-account-a>", "444455556666"),
      Map.entry("<third-party-account-b>", "777788889999"));

  /** vpc_endpoint_policies/s3_endpoint_policy.json. */
  public static final String S3_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"s3:GetObject",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:ResourceAccount":"<glue-account-id>","aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsToAWSOwnedResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":["s3:GetObject","s3:ListBucket"],
        "Resource":[
         "arn:aws:s3:::packages.<region>.amazonaws.com/*",
         "arn:aws:s3:::repo.<region>.amazonaws.com/*",
         "arn:aws:s3:::amazonlinux.<region>.amazonaws.com/*",
         "arn:aws:s3:::amazonlinux-2-repos-<region>/*",
         "arn:aws:s3:::al2023-repos-<region>-de612dc2/*",
         "arn:aws:s3:::al2023-<region>/*",
         "arn:aws:s3:::repo.<region>.emr.amazonaws.com/*",
         "arn:aws:s3:::prod.<region>.appinfo.src/*",
         "arn:aws:s3:::aws-ssm-<region>/*",
         "arn:aws:s3:::aws-windows-downloads-<region>/*",
         "arn:aws:s3:::amazon-ssm-<region>/*",
         "arn:aws:s3:::amazon-ssm-packages-<region>/*",
         "arn:aws:s3:::<region>-birdwatcher-prod/*",
         "arn:aws:s3:::aws-ssm-distributor-file-<region>/*",
         "arn:aws:s3:::aws-ssm-document-attachments-<region>/*",
         "arn:aws:s3:::patch-baseline-snapshot-<region>/*",
         "arn:aws:s3:::aws-patchmanager-macos-<region>/*",
         "arn:aws:s3:::amazoncloudwatch-agent-<region>/*",
         "arn:aws:s3:::amazoncloudwatch-agent/*",
         "arn:aws:s3:::aws-codedeploy-<region>/*",
         "arn:aws:s3:::ec2imagebuilder-toe-<region>-prod/*",
         "arn:aws:s3:::ec2imagebuilder-managed-resources-<region>-prod/components/*",
         "arn:aws:s3:::prod-<region>-starport-layer-bucket/*",
         "arn:aws:s3:::aws-mgn-clients-<region>/*",
         "arn:aws:s3:::aws-mgn-clients-hashes-<region>/*",
         "arn:aws:s3:::aws-mgn-internal-<region>/*",
         "arn:aws:s3:::aws-mgn-internal-hashes-<region>/*",
         "arn:aws:s3:::aws-application-migration-service-<region>/*",
         "arn:aws:s3:::aws-application-migration-service-hashes-<region>/*",
         "arn:aws:s3:::aws-drs-clients-<region>/*",
         "arn:aws:s3:::aws-drs-clients-hashes-<region>/*",
         "arn:aws:s3:::aws-drs-internal-<region>/*",
         "arn:aws:s3:::aws-drs-internal-hashes-<region>/*",
         "arn:aws:s3:::aws-elastic-disaster-recovery-<region>/*",
         "arn:aws:s3:::aws-elastic-disaster-recovery-hashes-<region>/*",
         "arn:aws:s3:::cloudformation-waitcondition-<region>/*",
         "arn:aws:s3:::cloudformation-custom-resource-response-<RegionWithoutDashes>/*",
         "arn:aws:s3:::aws-ec2-enclave-certificate-<region>-prod/*",
         "arn:aws:s3:::assets-<CodeArtifact-Region-Account>-<region>/*",
         "arn:aws:s3:::elasticbeanstalk-samples-<region>/*",
         "arn:aws:s3:::elasticbeanstalk-platform-assets-<region>/*",
         "arn:aws:s3:::elasticbeanstalk-env-resources-<region>/*",
         "arn:aws:s3:::elasticbeanstalk-<region>/*",
         "arn:aws:s3:::jumpstart-cache-prod-<region>/*",
         "arn:aws:s3:::jumpstart-cache-prod-<region>",
         "arn:aws:s3:::static-<region>-prod-static-<string>/content/dependencies/*",
         "arn:aws:s3:::aws-neptune-notebook",
         "arn:aws:s3:::aws-neptune-notebook/*",
         "arn:aws:s3:::aws-neptune-notebook-<region>",
         "arn:aws:s3:::aws-neptune-notebook-<region>/*",
         "arn:aws:s3:::athena-examples-<region>/*",
         "arn:aws:s3:::athena-examples-<region>",
         "arn:aws:s3:::cloudformation-examples/*",
         "arn:aws:s3:::awssupportdatasvcs.com/*",
         "arn:aws:s3:::redshift-downloads/*",
         "arn:aws:s3:::session-manager-downloads/*",
         "arn:aws:s3:::ssm-document-categories/*",
         "arn:aws:s3:::aws-sap-data-provider/*",
         "arn:aws:s3:::aws-sap-dataprovider-<region>/*",
         "arn:aws:s3:::awssap-backint-agent/*",
         "arn:aws:s3:::aws-cli/*"
        ]
       },
       {
        "Sid":"AllowRequestsByThirdPartyIdentitiesToThirdPartyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"<action>",
        "Resource":"<third-party-resource-arn>",
        "Condition":{"StringEquals":{
         "aws:PrincipalAccount":["<third-party-account-a>","<third-party-account-b>"],
         "aws:ResourceAccount":["<third-party-account-a>","<third-party-account-b>"]}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToThirdPartyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"<action>",
        "Resource":"<third-party-resource-arn>",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>",
         "aws:ResourceAccount":["<third-party-account-a>","<third-party-account-b>"]}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/default_endpoint_policy.json. */
  static final String DEFAULT_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/ecr.api_endpoint_policy.json. */
  static final String ECR_API_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:ResourceAccount":"<ecr-account-id>","aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/ssm_endpoint_policy.json. */
  static final String SSM_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Principal":"*",
        "Action":[
         "ssm:Describe*",
         "ssm:List*",
         "ssm:Get*",
         "ssm:SendCommand",
         "ssm:CreateAssociation",
         "ssm:StartSession",
         "ssm:StartChangeRequestExecution",
         "ssm:StartAutomationExecution"
        ],
        "Effect":"Allow",
        "Resource":[
         "arn:aws:ssm:<region>::parameter/aws/*",
         "arn:aws:ssm:<region>::document/*",
         "arn:aws:ssm:*::automation-definition/*"
        ],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/cloudformation_endpoint_policy.json. */
  static final String CLOUDFORMATION_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":["cloudformation:CreateChangeSet"],
        "Resource":["arn:aws:cloudformation:<region>:aws:transform/*"],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/ec2_endpoint_policy.json. */
  static final String EC2_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":[
         "ec2:RunInstances",
         "ec2:CreateReplaceRootVolumeTask",
         "ec2:CreateTags",
         "ec2:DeleteTags",
         "ec2:GetManagedPrefixListEntries"
        ],
        "Resource":["arn:aws:ec2:*::image/*","arn:aws:ec2:*:aws:prefix-list/*"],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/iam_endpoint_policy.json. */
  static final String IAM_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":["arn:aws:iam::aws:policy/*"],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/imagebuilder_endpoint_policy.json. */
  static final String IMAGEBUILDER_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":["imagebuilder:GetComponent","imagebuilder:GetImage"],
        "Resource":[
         "arn:aws:imagebuilder:<region>:aws:component/*",
         "arn:aws:imagebuilder:<region>:aws:image/*"
        ],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/iot_endpoint_policy.json. */
  static final String IOT_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":["arn:aws:iot:*:*:jobtemplate/*"],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  /** vpc_endpoint_policies/lambda_endpoint_policy.json. */
  static final String LAMBDA_ENDPOINT_POLICY = """
      {"Version":"2012-10-17","Statement":[
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToOrgsResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:ResourceOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByAWSServicePrincipals",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"Bool":{"aws:PrincipalIsAWSService":"true"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAWSResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":["arn:aws:lambda:*:<service-account-id>:layer:*"],
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>"}}
       },
       {
        "Sid":"AllowRequestsByOrgsIdentitiesToAnyResources",
        "Effect":"Allow",
        "Principal":"*",
        "Action":"*",
        "Resource":"*",
        "Condition":{"StringEquals":{"aws:PrincipalOrgID":"<my-org-id>","aws:PrincipalTag/dp:exclude:resource":"true"}}
       }
      ]}""";

  private DataPerimeterPolicies() {
  }

  /** The template with every placeholder replaced by its value; throws if one is left. */
  public static String render(String template) {
    String rendered = template;
    for (Map.Entry<String, String> value : VALUES.entrySet()) {
      rendered = rendered.replace(value.getKey(), value.getValue());
    }
    if (rendered.matches("(?s).*<[A-Za-z-]+>.*")) {
      throw new IllegalStateException("a placeholder is left: " + rendered);
    }
    return rendered;
  }
}
