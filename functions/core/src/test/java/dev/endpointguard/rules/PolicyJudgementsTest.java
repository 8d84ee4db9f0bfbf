package dev.endpointguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.endpointguard.policy.TrustedIdentities;
import dev.endpointguard.testing.Snapshots;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyJudgementsTest {
  private static final TrustedIdentities OURS = new TrustedIdentities(Set.of("123456789012"), Set.of(),
      Optional.empty());
  private static final TrustedIdentities ORG = new TrustedIdentities(Set.of("123456789012"), Set.of("o-a1b2c3d4e5"),
      Optional.empty());
  private final PolicyJudgements judgements = new PolicyJudgements();

  @Test
  void judge_sameDocumentAndTrust_isRememberedNotRecomputed() {
    PolicyJudgements.Judgement first = judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY,
        OURS, Snapshots.SSM);

    assertThat(judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY, OURS, Snapshots.SSM)).isSameAs(first);
    assertThat(first.analysis().broad()).isTrue();
    assertThat(first.narrowed()).hasValueSatisfying(p -> assertThat(p.policy()).contains("aws:PrincipalAccount"));
    assertThat(first.violation()).isEmpty();
  }

  @Test
  void judge_otherTrust_isJudgedAgain() {
    PolicyJudgements.Judgement accounts = judgements.judge(Snapshots.FULL_ACCESS_POLICY,
        Snapshots.FULL_ACCESS_POLICY, OURS, Snapshots.SSM);
    PolicyJudgements.Judgement org = judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY,
        ORG, Snapshots.SSM);

    assertThat(org).isNotSameAs(accounts);
    assertThat(org.narrowed()).hasValueSatisfying(p -> assertThat(p.policy()).contains("aws:PrincipalOrgID"));
  }

  @Test
  void judge_notBroad_hasNoNarrowedCopy() {
    String ownAccountOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    PolicyJudgements.Judgement j = judgements.judge(ownAccountOnly, ownAccountOnly, OURS, Snapshots.SSM);

    assertThat(j.analysis().broad()).isFalse();
    assertThat(j.narrowed()).isEmpty();
  }

  @Test
  void judge_sameDocumentForAnotherNonS3Service_isTheSameJudgement() {
    // Issue 13: the narrowing depends on the service only for S3 (the AWS-owned buckets it keeps); an estate whose
    // endpoints share one document across many services is analysed once, not once per service.
    PolicyJudgements.Judgement ssm = judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY,
        OURS, "com.amazonaws.us-east-1.ssm");

    assertThat(judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY, OURS,
        "com.amazonaws.us-east-1.kms")).isSameAs(ssm);
  }

  @Test
  void judge_s3InAnotherRegion_isJudgedAgain_keepingThatRegionsBuckets() {
    PolicyJudgements.Judgement east = judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY,
        OURS, "com.amazonaws.us-east-1.s3");
    PolicyJudgements.Judgement west = judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY,
        OURS, "com.amazonaws.eu-west-1.s3");

    assertThat(west).isNotSameAs(east);
    assertThat(east.narrowed()).hasValueSatisfying(p -> assertThat(p.policy()).contains("us-east-1"));
    assertThat(west.narrowed()).hasValueSatisfying(p -> assertThat(p.policy()).contains("eu-west-1")
        .doesNotContain("us-east-1"));
    assertThat(judgements.judge(Snapshots.FULL_ACCESS_POLICY, Snapshots.FULL_ACCESS_POLICY, OURS,
        "com.amazonaws.us-east-1.ssm")).isNotSameAs(east);
  }
}
