package dev.endpointguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.endpointguard.cli.Cli;
import dev.endpointguard.cli.EndpointGuardCli;
import dev.endpointguard.localaws.LocalAws;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo's story, as a newcomer sees it, with its outcomes asserted. It starts its own local AWS. */
@Tag("local-aws")
class DemoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void demo_playsTheWholeStory_withTheOutcomesItPrints() throws Exception {
    StringWriter text = new StringWriter();
    DemoConsole console = new DemoConsole(new PrintWriter(text, true), false, DemoRunner.STEPS);

    DemoRunner.Result result = new DemoRunner(console, false).run();

    DemoStory.Outcome o = result.outcome();
    assertThat(result.success()).isTrue();
    assertThat(o.findingsBefore()).isEqualTo(10);
    assertThat(o.engineerChangeFixed()).isTrue();
    assertThat(o.applied()).isEqualTo(7);
    assertThat(o.failed()).isZero();
    assertThat(o.needsPerson()).isEqualTo(4);
    // The engineer's endpoint: single AZ and private DNS off fixed on the event, its broad policy planned (alert mode).
    assertThat(o.engineerFindings()).isEqualTo(3);
    assertThat(o.engineerApplied()).isEqualTo(2);
    assertThat(o.findings()).as("every finding either fixed or left").isEqualTo(o.fixed() + o.needsPerson());
    assertThat(o.configEvaluations()).isEqualTo(4 * 15 + 3);
    assertThat(o.alertsReceived()).isPositive();
    String out = text.toString();
    assertThat(out).contains("[1/8] Starting the local AWS", "[8/8] The alerts, as the subscribers received them",
        "single-az-endpoint", "hostnames-off-sqs", "shared-sg-ecr-api", "The email text",
        "13 findings (10 in the first sweep, 3 on the engineer's new endpoint), 9 fixed and verified (2 on the event, "
            + "7 by the remediating sweep), 4 left for a person")
        .doesNotContain("\u001b[");
  }

  @Test
  void closingLine_aFailedFix_isAmongThoseLeft_andSaid() {
    // 10 + 3 findings; 2 fixed on the event, 6 by the sweep, 1 failed there and stays NON_COMPLIANT with 4 others.
    DemoStory.Outcome o = new DemoStory.Outcome(10, 3, 2, 6, 1, 5, 63, 6, true);

    assertThat(DemoRunner.closingLine(o, java.time.Duration.ofMillis(5_200))).isEqualTo("Done in 5.2 s: 13 findings"
        + " (10 in the first sweep, 3 on the engineer's new endpoint), 8 fixed and verified (2 on the event, 6 by the"
        + " remediating sweep), 5 left for a person (1 of them after a failed fix), 63 Config evaluations, 6 alerts"
        + " delivered.");
    assertThat(o.findings()).isEqualTo(o.fixed() + o.needsPerson());
  }

  @Test
  void demoKeep_saysHowToStop_andItsInvokeCommandsWorkOnTheKeptEstate() throws Exception {
    StringWriter text = new StringWriter();
    DemoConsole console = new DemoConsole(new PrintWriter(text, true), false, DemoRunner.STEPS);
    List<Integer> exits = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    // The printed export line, as system properties (the default credential chain reads both).
    System.setProperty("aws.accessKeyId", LocalAws.LOCAL_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", LocalAws.LOCAL_SECRET_KEY);

    new DemoRunner(console, true, () -> {
      // While the local AWS is kept: run each printed invoke command (with its environment), as the user would in
      // another shell, and the printed scan.
      for (String line : text.toString().lines().map(String::strip)
          .filter(l -> l.contains("bin/endpoint-guard invoke ") || l.startsWith("bin/endpoint-guard scan ")).toList()) {
        Cli cli = Cli.runShellLine(line);
        exits.add(cli.exit());
        outputs.add(cli.out());
      }
    }).run();

    String out = text.toString();
    assertThat(out).containsPattern("To stop it: Ctrl-C here, or kill \\d+ from another shell\\.");
    assertThat(out).contains("TRUSTED_ORG_IDS=o-a1b2c3d4e5 bin/endpoint-guard invoke SweepFunction ",
        "bin/endpoint-guard invoke ChangeEventFunction ", "bin/endpoint-guard invoke ConfigRuleFunction ");
    // The scan exits 3 (findings are left for a person); each invoke answers.
    assertThat(exits).containsExactly(EndpointGuardCli.NON_COMPLIANT, 0, 0, 0);
    // The sweep, with the environment printed, judges as the printed scan does (the demo's organization trusted).
    java.util.regex.Matcher scanned = java.util.regex.Pattern.compile("Summary: \\d+ evaluated, (\\d+) non-compliant")
        .matcher(outputs.get(0));
    assertThat(scanned.find()).as(outputs.get(0)).isTrue();
    assertThat(JSON.readTree(outputs.get(1)).at("/summary/nonCompliant").asInt())
        .isEqualTo(Integer.parseInt(scanned.group(1)));
    // The change event names the endpoint the engineer created in the kept estate: it is evaluated, not "not found".
    assertThat(outputs.get(2)).contains("\"evaluated\"").doesNotContain("does not exist");
    assertThat(JSON.readTree(outputs.get(2)).at("/summary/evaluated").asInt()).isPositive();
  }
}
