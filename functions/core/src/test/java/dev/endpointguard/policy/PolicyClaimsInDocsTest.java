package dev.endpointguard.policy;

import static dev.endpointguard.policy.Policies.ACCOUNT_TRUST;
import static dev.endpointguard.policy.Policies.ORG;
import static dev.endpointguard.policy.Policies.ORG_TRUST;
import static dev.endpointguard.policy.Policies.allowAllWhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 i: what README.md and docs/comparison.md claim about endpoint policies, checked against the analyser: AWS's
 * recommended policy and an org-only condition pass when the organization is trusted (configured or the account's
 * own), and only then.
 */
class PolicyClaimsInDocsTest {
  private static final String RECOMMENDED = DataPerimeterPolicies.render(DataPerimeterPolicies.DEFAULT_ENDPOINT_POLICY);
  private static final String ORG_ONLY = allowAllWhere("{'StringEquals':{'aws:PrincipalOrgID':'" + ORG + "'}}");
  private static final TrustedIdentities OWN_ORG = new TrustedIdentities(ACCOUNT_TRUST.accountIds(), Set.of(),
      Optional.of(ORG));

  /** The endpoint-guard cell of the table row whose first cell starts with {@code label}. */
  private static String cell(String file, String label) throws IOException {
    String row = Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith("| " + label)).findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no row " + label));
    return row.split("\\|")[2].trim();
  }

  @Test
  void readme_recommendedPolicyPasses_whenItsOrganizationIsTrusted() throws IOException {
    assertThat(cell("README.md", "AWS's recommended data-perimeter endpoint policy passes"))
        .isEqualTo("yes, with its organization trusted (configured, or the account's own)");
    assertThat(cell("docs/comparison.md", "Recognises AWS's recommended endpoint policy as not broad"))
        .startsWith("Yes, with its organization trusted (configured, or the account's own)");

    assertThat(PolicyAnalyzer.analyze(RECOMMENDED, ORG_TRUST).broad()).isFalse();
    assertThat(PolicyAnalyzer.analyze(RECOMMENDED, OWN_ORG).broad()).isFalse();
    assertThat(PolicyAnalyzer.analyze(RECOMMENDED, ACCOUNT_TRUST).broad()).isTrue();
  }

  @Test
  void readme_orgOnlyConditionPasses_forATrustedOrganizationOnly() throws IOException {
    assertThat(cell("README.md", "An `aws:PrincipalOrgID`-only condition passes")).isEqualTo("for a trusted"
        + " organization (`--trusted-org-id`, or the account's own); any other is reported with how to trust it");
    assertThat(cell("docs/comparison.md", "Org-only condition (`aws:PrincipalOrgID`) accepted"))
        .startsWith("Yes for a trusted organization: `--trusted-org-id`, or the account's own");

    assertThat(PolicyAnalyzer.analyze(ORG_ONLY, ORG_TRUST).broad()).isFalse();
    assertThat(PolicyAnalyzer.analyze(ORG_ONLY, OWN_ORG).broad()).isFalse();
    assertThat(PolicyAnalyzer.analyze(ORG_ONLY, ACCOUNT_TRUST).broadStatements()).singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("to trust it, pass --trusted-org-id " + ORG));
  }
}
