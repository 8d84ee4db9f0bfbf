package dev.endpointguard.policy;

import java.util.Optional;
import java.util.Set;

/** Policy fixtures for the policy tests; JSON is written with single quotes for readability. */
final class Policies {
  static final String SCANNED = "111122223333";
  static final String PARTNER = "222233334444";
  static final String STRANGER = "444455556666";
  static final String ORG = "o-a1b2c3d4e5";
  static final String FOREIGN_ORG = "o-z9y8x7w6v5";
  static final TrustedIdentities ORG_TRUST = new TrustedIdentities(Set.of(SCANNED, PARTNER), Set.of(ORG),
      Optional.empty());
  static final TrustedIdentities ACCOUNT_TRUST = new TrustedIdentities(Set.of(SCANNED, PARTNER), Set.of(),
      Optional.empty());

  /** AWS's recommended generic endpoint policy (data-perimeter-policy-examples, default_endpoint_policy.json). */
  static final String AWS_RECOMMENDED = json("""
      {'Version':'2012-10-17','Statement':[
        {'Sid':'AllowRequestsByOrgsIdentitiesToOrgsResources','Effect':'Allow','Principal':'*','Action':'*',
         'Resource':'*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5',
         'aws:ResourceOrgID':'o-a1b2c3d4e5'}}},
        {'Sid':'AllowRequestsByAWSServicePrincipals','Effect':'Allow','Principal':'*','Action':'*','Resource':'*',
         'Condition':{'Bool':{'aws:PrincipalIsAWSService':'true'}}},
        {'Sid':'AllowRequestsByOrgsIdentitiesToAnyResources','Effect':'Allow','Principal':'*','Action':'*',
         'Resource':'*','Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5',
         'aws:PrincipalTag/dp:exclude:resource':'true'}}}]}""");

  /** An endpoint service with no AWS-owned resources to keep. */
  static final String SSM_SERVICE = "com.amazonaws.us-east-1.ssm";
  static final String S3_SERVICE = "com.amazonaws.us-east-1.s3";

  private Policies() {
  }

  /** The narrowed policy for an endpoint of a service with no AWS-owned resources to keep (SSM). */
  static Optional<String> narrowed(String policy, TrustedIdentities trust) {
    return PolicyNarrower.narrow(policy, trust, SSM_SERVICE).map(PolicyNarrower.Narrowing::policy);
  }

  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A one-statement policy: Allow, Principal *, Action *, Resource *, with the given Condition object. */
  static String allowAllWhere(String condition) {
    return json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*',"
        + "'Condition':" + condition + "}]}");
  }

  /** A one-statement policy holding the given statement members. */
  static String statement(String members) {
    return json("{'Version':'2012-10-17','Statement':[{" + members + "}]}");
  }
}
