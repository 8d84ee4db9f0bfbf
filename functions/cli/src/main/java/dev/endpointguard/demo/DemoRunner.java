package dev.endpointguard.demo;

import dev.endpointguard.localaws.DemoEstate;
import dev.endpointguard.localaws.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  private final Runnable whileKept;
  private final Clock clock = Clock.systemUTC();

  /** @param keep leave the local AWS running after the story, until the process is interrupted (Ctrl-C) */
  public DemoRunner(DemoConsole console, boolean keep) {
    this(console, keep, DemoRunner::waitForInterrupt);
  }

  /** @param whileKept what runs while the kept local AWS is up; it stops when this returns (tests) */
  DemoRunner(DemoConsole console, boolean keep, Runnable whileKept) {
    this.console = console;
    this.keep = keep;
    this.whileKept = whileKept;
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
      DemoStory story = new DemoStory(console, aws, clock);
      DemoStory.Outcome outcome = story.play();
      console.blank();
      console.title(closingLine(outcome, Duration.between(start, clock.instant())));
      if (keep) {
        console.blank();
        keepInstructions(aws, story.keptEvents(), home.resolve(".local-aws/demo-events")).forEach(console::line);
        whileKept.run();
      }
      return new Result(outcome);
    } finally {
      aws.close();
    }
  }

  /**
   * The story in one line: every finding it met (the first sweep's and the engineer's endpoint's), every fix applied
   * and verified (on the engineer's event and by the remediating sweep), and what is left, so that the counts add up:
   * findings = fixed + left. A fix that failed leaves its finding NON_COMPLIANT, so it is among those left, and said.
   */
  static String closingLine(DemoStory.Outcome o, Duration took) {
    return String.format("Done in %.1f s: %d findings (%d in the first sweep, %d on the engineer's new endpoint), "
        + "%d fixed and verified (%d on the event, %d by the remediating sweep), %d left for a person%s, "
        + "%d Config evaluations, %d alerts delivered.", took.toMillis() / 1000.0, o.findings(), o.findingsBefore(),
        o.engineerFindings(), o.fixed(), o.engineerApplied(), o.applied(), o.needsPerson(),
        o.failed() == 0 ? "" : " (" + o.failed() + " of them after a failed fix)", o.configEvaluations(),
        o.alertsReceived());
  }

  /**
   * Writes the kept estate's events to {@code dir} and returns what to tell the user: how to stop the local AWS, and
   * commands that work against it (credentials, scan, invoke with those events, the AWS CLI).
   */
  static List<String> keepInstructions(LocalAws aws, List<DemoStory.KeptEvent> events, Path dir) throws IOException {
    Files.createDirectories(dir);
    String endpoint = aws.endpoint().toString();
    String where = "--endpoint-url " + endpoint + " --region " + DemoEstate.REGION;
    List<String> lines = new ArrayList<>();
    lines.add("The local AWS keeps running at " + endpoint + ". To stop it: Ctrl-C here, or kill "
        + ProcessHandle.current().pid() + " from another shell.");
    lines.add("In another shell:");
    lines.add("  export AWS_ACCESS_KEY_ID=" + LocalAws.LOCAL_ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
        + LocalAws.LOCAL_SECRET_KEY + "   # the local AWS takes any keys; these name it");
    lines.add("  bin/endpoint-guard scan " + where + " --trusted-org-id " + DemoEstate.ORG_ID);
    for (DemoStory.KeptEvent e : events) {
      Path file = dir.resolve(e.fileName());
      Files.write(file, e.json());
      // The functions take their settings from the environment, as deployed: the demo's organization is trusted.
      lines.add("  TRUSTED_ORG_IDS=" + DemoEstate.ORG_ID + " bin/endpoint-guard invoke " + e.function() + " " + where
          + " --event " + file);
    }
    lines.add("  aws " + where + " ec2 describe-vpc-endpoints");
    lines.add("(The events above name this demo's resources; those in events/ name placeholder ids.)");
    return lines;
  }

  private static void waitForInterrupt() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
