package dev.endpointguard.demo;

import dev.endpointguard.localaws.LocalAws;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Starts the local AWS, plays the story, and stops everything (unless asked to keep the local AWS running). */
public final class DemoRunner {
  public static final int STEPS = DemoStory.STEPS;

  /** The story's outcome and whether it held: the engineer's change fixed, nothing failed. */
  public record Result(DemoStory.Outcome outcome) {
    public boolean success() {
      return outcome.engineerChangeFixed() && outcome.failed() == 0;
    }
  }

  private final DemoConsole console;
  private final boolean keep;
  private final Clock clock = Clock.systemUTC();

  public DemoRunner(DemoConsole console, boolean keep) {
    this.console = console;
    this.keep = keep;
  }

  public Result run() throws IOException {
    Instant start = clock.instant();
    console.title("endpoint-guard demo: the whole system on a local AWS, through the real Lambda handlers");
    console.step("Starting the local AWS");
    Path home = Path.of(System.getenv().getOrDefault("ENDPOINT_GUARD_HOME", ".")).toAbsolutePath().normalize();
    LocalAws aws = LocalAws.start(home, console::line);
    try {
      console.ok("moto in server mode, patched to follow the AWS documentation, at " + aws.endpoint(),
          Duration.between(start, clock.instant()));
      DemoStory.Outcome outcome = new DemoStory(console, aws, clock).play();
      console.blank();
      console.title(String.format("Done in %.1f s: %d findings at first, %d fixed and verified, %d left for a person, "
          + "%d Config evaluations, %d alerts delivered.", Duration.between(start, clock.instant()).toMillis() / 1000.0,
          outcome.findingsBefore(), outcome.applied(), outcome.needsPerson(), outcome.configEvaluations(),
          outcome.alertsReceived()));
      if (keep) {
        console.blank();
        console.line("The local AWS keeps running at " + aws.endpoint() + " (Ctrl-C stops it). In another shell:");
        console.line("  export AWS_ACCESS_KEY_ID=" + LocalAws.LOCAL_ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
            + LocalAws.LOCAL_SECRET_KEY + "   # the local AWS takes any keys; these name it");
        console.line("  bin/endpoint-guard scan --endpoint-url " + aws.endpoint() + " --region us-east-1 "
            + "--trusted-org-id o-a1b2c3d4e5");
        console.line("  aws --endpoint-url " + aws.endpoint() + " --region us-east-1 ec2 describe-vpc-endpoints");
        waitForInterrupt();
      }
      return new Result(outcome);
    } finally {
      aws.close();
    }
  }

  private static void waitForInterrupt() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
