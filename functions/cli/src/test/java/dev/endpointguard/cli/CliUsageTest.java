package dev.endpointguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad flags and settings for invoke, apply, demo and the command itself: one clear error, exit 2, nothing touched (the
 * only AWS endpoint given is a closed loopback port, so a call would fail with exit 1, not 2).
 */
class CliUsageTest {
  private static final String AWS = "--region us-east-1 --endpoint-url http://127.0.0.1:9";
  private static final String EVENT = "--event events/schedule-sweep.json";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "invoke NoSuchFunction " + AWS + " " + EVENT + "|NoSuchFunction",
      "invoke SweepFunction " + AWS + "|Missing required option: '--event=FILE'",
      "invoke SweepFunction " + AWS + " --event events/nope.json|--event events/nope.json: no such file",
      "invoke SweepFunction " + AWS + " " + EVENT + " --timeout 0|--timeout must be 1 to 900 seconds",
      "invoke SweepFunction " + AWS + " " + EVENT + " --timeout 901|--timeout must be 1 to 900 seconds",
      "invoke SweepFunction " + AWS + " " + EVENT + " --timeout soon|--timeout",
      "invoke SweepFunction --region Mars --endpoint-url http://127.0.0.1:9 " + EVENT + "|--region 'Mars'",
      "invoke SweepFunction --region us-east-1 --endpoint-url ftp://x " + EVENT + "|--endpoint-url 'ftp://x'",
      "invoke " + AWS + " " + EVENT + "|Missing required parameter: 'FUNCTION'",
      "invoke SweepFunction ConfigRuleFunction " + AWS + " " + EVENT + "|Unmatched argument",
      "demo --bogus|Unknown option: '--bogus'",
      "demo now|Unmatched argument",
      "scann|Unmatched argument",
      "--verbose|Unknown option: '--verbose'",
      "|a command is needed: scan, apply, invoke or demo",
      "apply " + AWS + "|Missing required parameter: 'PLAN_FILE'",
      "apply plans/nope.json " + AWS + "|plans/nope.json: no such file",
      "apply events/schedule-sweep.json " + AWS + "|not an endpoint-guard-plan/1 file (its version is \"0\")",
      "apply plans/nope.json " + AWS + " --format yaml|--format",
      "apply plans/nope.json --region Mars --endpoint-url http://127.0.0.1:9|--region 'Mars'"
  })
  void command_badFlag_exitsTwoWithOneClearLine(String line, String expected) {
    Run run = run(line, Map.of());

    run.assertUsageError(expected);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "MODE_SINGLE_AZ_ENDPOINT|sometimes|MODE_SINGLE_AZ_ENDPOINT",
      "MIN_AZS|9|MIN_AZS",
      "MIN_AZS|two|MIN_AZS",
      "TRUSTED_ACCOUNT_IDS|12|TRUSTED_ACCOUNT_IDS",
      "TRUSTED_ORG_IDS|acme|TRUSTED_ORG_IDS",
      "AZ_HOUR_PRICE_USD|free|AZ_HOUR_PRICE_USD",
      "ALERT_TOPIC_ARN|not-an-arn|ALERT_TOPIC_ARN"
  })
  void invoke_invalidSetting_exitsTwoNamingTheSetting(String name, String value, String expected) {
    Run run = run("invoke SweepFunction " + AWS + " " + EVENT, Map.of(name, value));

    run.assertUsageError(expected);
  }

  @Test
  void invoke_eventOverSixMegabytes_exitsTwo(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[6 * 1024 * 1024 + 1]);

    run("invoke SweepFunction " + AWS + " --event " + big, Map.of()).assertUsageError("6 MB");
  }

  private static Run run(String line, Map<String, String> env) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cl = EndpointGuardCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    Map<String, String> settings = new HashMap<>(env);
    ((InvokeCommand) cl.getSubcommands().get("invoke").getCommand()).environment = settings;
    String[] args = line == null || line.isBlank() ? new String[0] : Arrays.stream(line.trim().split(" +")).toArray(String[]::new);
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void invokeHelp_listsTheFunctions_andNoNull() {
    Run run = run("invoke --help", Map.of());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("SweepFunction", "ConfigRuleFunction").doesNotContain("null");
  }

  @Test
  void versionOnEverySubcommand_isTheBuildsVersion() {
    for (String command : new String[] {"scan", "apply", "invoke", "demo"}) {
      Run run = run(command + " --version", Map.of());

      assertThat(run.exit()).as(command).isZero();
      assertThat(run.out().strip()).as(command).isEqualTo("endpoint-guard "
          + dev.endpointguard.report.ToolVersion.version());
    }
  }

  @Test
  void version_isTheBuildsVersion_notAPlaceholder() {
    Run run = run("--version", Map.of());

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo("endpoint-guard " + dev.endpointguard.report.ToolVersion.version())
        .doesNotContain("development").matches("endpoint-guard \\d+\\.\\d+\\.\\d+.*");
  }

  private record Run(int exit, String out, String err) {
    void assertUsageError(String expected) {
      assertThat(exit).as(err).isEqualTo(EndpointGuardCli.USAGE);
      assertThat(err).startsWith("endpoint-guard: ").contains(expected).doesNotContain("\tat ", "Exception");
      assertThat(err.lines().findFirst().orElseThrow()).contains(expected.split(" ")[0]);
      assertThat(out).isEmpty();
    }
  }
}
