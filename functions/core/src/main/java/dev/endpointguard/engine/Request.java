package dev.endpointguard.engine;

import dev.endpointguard.model.Targets;
import java.util.Objects;

/**
 * What a run is asked to do: which resources to read and evaluate, with which settings (a mode per rule), for whom.
 * Trigger decoders and the CLI make the targets; handlers and the CLI make the request.
 */
public record Request(Targets targets, Settings settings, RunSource source) {
  public Request {
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(source, "source");
  }
}
