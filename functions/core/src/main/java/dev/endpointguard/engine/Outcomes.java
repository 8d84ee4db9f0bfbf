package dev.endpointguard.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A run and what each of its sinks did with it, in the order the sinks ran. */
public record Outcomes(Run run, List<Delivery> deliveries) {
  public Outcomes {
    Objects.requireNonNull(run, "run");
    deliveries = List.copyOf(deliveries);
  }

  /** The delivery of the sink named {@code sink}, if it ran. */
  public Optional<Delivery> delivery(String sink) {
    return deliveries.stream().filter(d -> d.sink().equals(sink)).findFirst();
  }
}
