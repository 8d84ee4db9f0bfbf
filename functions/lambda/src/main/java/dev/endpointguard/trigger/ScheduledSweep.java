package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.time.Instant;
import java.util.Objects;

/** A scheduled EventBridge event: every endpoint in the region, every rule. */
public record ScheduledSweep(String eventId, Instant time) implements Trigger {
  public ScheduledSweep {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(time, "time");
  }

  @Override
  public Targets targets() {
    return Targets.allInRegion();
  }

  @Override
  public String summary() {
    return "scheduled sweep " + eventId + " at " + time;
  }
}
