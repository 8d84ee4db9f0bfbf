package dev.endpointguard.testing;

import dev.endpointguard.engine.Request;
import dev.endpointguard.engine.RunSource;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.model.Targets;

/** Pipeline requests for tests: the targets and settings a test names, from a source called {@code test}. */
public final class Requests {
  public static final RunSource SOURCE = new RunSource("test", "test-run");

  private Requests() {
  }

  public static Request of(Targets targets, Settings settings) {
    return new Request(targets, settings, SOURCE);
  }
}
