package dev.endpointguard.engine;

import java.util.List;
import java.util.Objects;

/**
 * What a sink did with a run.
 *
 * @param sink      the sink's name in results and logs ({@code alerts}, {@code config}, {@code output}, …)
 * @param delivered items handed over (messages published, evaluations sent, findings imported, lines printed)
 * @param failed    items that could not be delivered; each is kept where an operator finds it (the log, a metric
 *                  with an alarm) and named in {@code problems}
 * @param deferred  items held back on purpose, to be delivered by a later attempt (a Lambda retry of the same event)
 * @param problems  one line per failure
 */
public record Delivery(String sink, int delivered, int failed, int deferred, List<String> problems) {
  public Delivery {
    Objects.requireNonNull(sink, "sink");
    problems = List.copyOf(problems);
  }

  /** Nothing to deliver. */
  public static Delivery none(String sink) {
    return new Delivery(sink, 0, 0, 0, List.of());
  }
}
