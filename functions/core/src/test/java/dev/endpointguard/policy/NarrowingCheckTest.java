package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NarrowingCheckTest {
  private static final String DENY = "{'Sid':'NoDelete','Effect':'Deny','Principal':'*','Action':'s3:Delete*',"
      + "'Resource':'*','Condition':{'StringNotEquals':{'aws:SourceVpc':'vpc-0a1b2c3d'}}}";
  private static final String ALLOW = "{'Sid':'Org','Effect':'Allow','Principal':{'AWS':['111122223333',"
      + "'222233334444']},'Action':['s3:GetObject','s3:PutObject'],'Resource':'*',"
      + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}}";
  private static final String OLD = policy(DENY, ALLOW);
  /** ALLOW narrowed to one bucket's objects: what the widenings below start from. */
  private static final String NARROW_RESOURCES = ALLOW.replace("'Resource':'*'", "'Resource':'arn:aws:s3:::a/x'");
  private static final String NOT_RESOURCE = ALLOW.replace("'Resource':'*'", "'NotResource':'arn:aws:s3:::b/*'");

  private static String policy(String... statements) {
    return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
  }

  static Stream<Arguments> widenings() {
    return Stream.of(
        Arguments.of("removed condition", policy(DENY, ALLOW.replace(
            ",'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-a1b2c3d4e5'}}", "")),
            "new statement 2 (Sid \"Org\") is not a previous Allow statement narrowed (actions or resources "
                + "narrowed, conditions added, principals removed): it drops a condition of the original"),
        Arguments.of("widened condition values", policy(DENY, ALLOW.replace("'o-a1b2c3d4e5'",
            "['o-a1b2c3d4e5','o-z9y8x7w6v5']")), "it changes the values of a condition of the original"),
        Arguments.of("same block in other case with new values", policy(DENY, ALLOW.replace("}}}",
            "},'stringequals':{'aws:principalorgid':'o-z9y8x7w6v5'}}}")),
            "it changes the values of a condition of the original"),
        Arguments.of("added action", policy(DENY, ALLOW.replace("'s3:PutObject'", "'s3:PutObject','s3:DeleteObject'")),
            "its Action s3:DeleteObject is not included in an Action of the original"),
        Arguments.of("changed resource", policy(DENY, ALLOW.replace("'Resource':'*'", "'NotResource':'arn:aws:s3:::x'")),
            "its NotAction or NotResource differs"),
        Arguments.of("added principal", policy(DENY, ALLOW.replace("'222233334444'", "'222233334444','444455556666'")),
            "it has a principal the original does not name"),
        Arguments.of("principal made any", policy(DENY, ALLOW.replace(
            "{'AWS':['111122223333','222233334444']}", "'*'")), "it has a principal the original does not name"),
        Arguments.of("every principal removed", policy(DENY, ALLOW.replace(
            "'Principal':{'AWS':['111122223333','222233334444']},", "")),
            "it has a principal the original does not name"),
        Arguments.of("changed effect", policy(DENY.replace("'Deny'", "'Allow'"), ALLOW),
            "Deny statement 1 (Sid \"NoDelete\") of the previous policy is missing or changed"),
        Arguments.of("dropped Deny", policy(ALLOW), "Deny statement 1 (Sid \"NoDelete\") of the previous policy is "
            + "missing or changed"),
        Arguments.of("Deny narrowed by an added condition", policy(DENY.replace("}}}",
            "},'Bool':{'aws:ViaAWSService':'false'}}}"), ALLOW), "of the previous policy is missing or changed"),
        Arguments.of("Deny added beside the old one", policy(DENY, DENY.replace("s3:Delete*", "s3:Put*"), ALLOW),
            "new statement 2 (Sid \"NoDelete\") is a Deny the previous policy does not have"),
        Arguments.of("unparseable new policy", "{", "the new policy cannot be read: policy is not valid JSON"),
        // Issue 10 d: actions and resources may only narrow, to patterns the original's include.
        Arguments.of("action widened by a wildcard", policy(DENY, ALLOW.replace("'s3:PutObject'", "'s3:Put*'")),
            "its Action s3:Put* is not included in an Action of the original"),
        Arguments.of("Action turned into NotAction", policy(DENY, ALLOW.replace("'Action'", "'NotAction'")),
            "its NotAction or NotResource differs"),
        Arguments.of("NotResource narrowed (which widens)", policy(DENY, NOT_RESOURCE.replace("'arn:aws:s3:::b/*'",
            "'arn:aws:s3:::b/z'")), "its NotAction or NotResource differs"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("widenings")
  void violation_widenedPolicy_namesTheWidening(String name, String newPolicy, String reasonFragment) {
    assertThat(NarrowingCheck.violation(OLD, newPolicy))
        .hasValueSatisfying(reason -> assertThat(reason).contains(reasonFragment).doesNotContain("\n"));
  }

  @Test
  void violation_samePolicyReordered_isEmpty() {
    assertThat(NarrowingCheck.violation(OLD, policy(ALLOW, DENY))).isEmpty();
  }

  @Test
  void violation_conditionAddedPrincipalRemovedSidChanged_isEmpty() {
    String narrowed = policy(DENY, ALLOW.replace("'Org'", "'OrgNarrowed'").replace(",'222233334444'", "")
        .replace("}}}", "},'Bool':{'aws:SecureTransport':'true'}}}"));

    assertThat(NarrowingCheck.violation(OLD, narrowed)).isEmpty();
  }

  /** Issue 10 d: resources compare case-sensitively, and a wider pattern is never included in a narrower one. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "resource widened|arn:aws:s3:::a*",
      "resource in another case|arn:aws:s3:::A/x",
      "resource wildcard standing for the object key|arn:aws:s3:::a/?"})
  void violation_resourceNotIncluded_namesIt(String name, String resource) {
    String narrowedResources = policy(DENY, NARROW_RESOURCES);
    String candidate = policy(DENY, NARROW_RESOURCES.replace("'arn:aws:s3:::a/x'", "'" + resource + "'"));

    assertThat(NarrowingCheck.violation(narrowedResources, candidate)).contains("new statement 2 (Sid \"Org\") is not"
        + " a previous Allow statement narrowed (actions or resources narrowed, conditions added, principals removed):"
        + " its Resource " + resource + " is not included in a Resource of the original");
  }

  /** Issue 10 d: the same statement with actions and resources narrowed, conditions added, is accepted. */
  @Test
  void violation_actionsAndResourcesNarrowed_isEmpty() {
    String original = policy(DENY, ALLOW.replace("['s3:GetObject','s3:PutObject']", "['s3:Get*','s3:Put*']")
        .replace("'Resource':'*'", "'Resource':['arn:aws:s3:::a/*','arn:aws:s3:::b/*']"));
    String narrowed = policy(DENY, ALLOW.replace("['s3:GetObject','s3:PutObject']", "['S3:GETOBJECT','s3:PutObject']")
        .replace("'Resource':'*'", "'Resource':['arn:aws:s3:::a/reports/*','arn:aws:s3:::b/x']")
        .replace("}}}", "},'Bool':{'aws:SecureTransport':'true'}}}"));

    assertThat(NarrowingCheck.violation(original, narrowed)).isEmpty();
  }

  @Test
  void violation_allowStatementDropped_isEmpty() {
    assertThat(NarrowingCheck.violation(OLD, policy(DENY))).isEmpty();
  }

  @Test
  void violation_unparseableOldPolicy_saysSo() {
    assertThat(NarrowingCheck.violation("[]", OLD)).contains("the previous policy cannot be read: policy is not a JSON object");
  }

  @Test
  void violation_versionChangeWithPolicyVariables_saysTheyWouldBeRereadDifferently() {
    String old = json("{'Statement':{'Effect':'Allow','Principal':'*','Action':'*',"
        + "'Resource':'arn:aws:s3:::home/${aws:username}'}}");
    String newer = json("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Principal':'*','Action':'*',"
        + "'Resource':'arn:aws:s3:::home/${aws:username}'}}");

    assertThat(NarrowingCheck.violation(old, newer)).contains("the policy version changes from 2008-10-17 to "
        + "2012-10-17, which changes how the policy variables of the previous policy are read");
  }
}
