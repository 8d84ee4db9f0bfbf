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
}
