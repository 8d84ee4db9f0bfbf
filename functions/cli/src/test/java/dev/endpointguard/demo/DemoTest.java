package dev.endpointguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo's story, as a newcomer sees it, with its outcomes asserted. It starts its own local AWS. */
@Tag("local-aws")
class DemoTest {

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
    assertThat(o.configEvaluations()).isEqualTo(4 * 15 + 3);
    assertThat(o.alertsReceived()).isPositive();
    String out = text.toString();
    assertThat(out).contains("[1/8] Starting the local AWS", "[8/8] The alerts, as the subscribers received them",
        "single-az-endpoint", "hostnames-off-sqs", "shared-sg-ecr-api", "The email text")
        .doesNotContain("\u001b[");
  }
}
