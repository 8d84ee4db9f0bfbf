package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.aws.AwsClients;
import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import dev.endpointguard.testing.LocalAwsTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/** Issue 12: {@code scan --security-hub} imports one finding per evaluation into the scanned scope's hub. */
@LocalAwsTest
class ScanSecurityHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scan_securityHub_oneFindingPerEvaluationAndTheTallyOnStderr(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate.seed(clients.ec2(), clients.route53(), aws, "123456789012");
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    Cli result = scan(aws, "--security-hub");

    int evaluations = JSON.readTree(result.out()).get("evaluations").size();
    assertThat(evaluations).isPositive();
    assertThat(result.err()).contains("securityHub: " + evaluations + " imported, 0 failed in 123456789012/us-east-1");
    assertThat(findings(clients)).hasSize(evaluations)
        .allMatch(f -> f.id().startsWith("endpoint-guard/123456789012/us-east-1/"));
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
  }

  @Test
  void scan_securityHubNotEnabled_reportStillWrittenAndTheProblemNamed(LocalAws aws, AwsClients clients)
      throws Exception {
    DemoEstate.seed(clients.ec2(), clients.route53(), aws, "123456789012");

    Cli result = scan(aws, "--security-hub");

    assertThat(JSON.readTree(result.out()).get("evaluations")).isNotEmpty();
    assertThat(result.err()).contains("securityHub: 0 imported, ")
        .contains("securityHub: Security Hub is not enabled in 123456789012/us-east-1 (InvalidAccess: ");
    assertThat(result.exit()).isEqualTo(EndpointGuardCli.NON_COMPLIANT);
  }

  @Test
  void scan_withoutTheFlag_importsNothing(LocalAws aws, AwsClients clients) {
    DemoEstate.seed(clients.ec2(), clients.route53(), aws, "123456789012");
    clients.securityHub().enableSecurityHub(b -> b.enableDefaultStandards(false));

    Cli result = scan(aws);

    assertThat(result.err()).doesNotContain("securityHub");
    assertThat(findings(clients)).isEmpty();
  }

  private static Cli scan(LocalAws aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", aws.endpoint().toString(),
        "--region", "us-east-1", "--trusted-org-id", DemoEstate.ORG_ID, "--format", "json"));
    args.addAll(List.of(extra));
    return Cli.run(args);
  }

  /** The local AWS ignores GetFindings filters: every finding of the account and Region. */
  private static List<AwsSecurityFinding> findings(AwsClients clients) {
    List<AwsSecurityFinding> all = new ArrayList<>();
    clients.securityHub().getFindingsPaginator(b -> b.maxResults(100)).forEach(p -> all.addAll(p.findings()));
    return all;
  }
}
