package dev.endpointguard.handler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a priming dry run did.
 *
 * @param elapsed          wall time of the whole dry run
 *
 * @param eventsDecoded    sample events the decoders turned into work
 * @param rejectedEvents   sample events a decoder refused or ignored (none, unless a decoder changed)
 * @param evaluations      evaluations of the synthetic estate
 * @param findings         of which NON_COMPLIANT
 * @param planned          of which have a plan (built, safety-checked, not applied): the path a remediation takes
 * @param requestsStopped  SDK requests built, marshalled and signed, then stopped before sending
 * @param requestFailures  SDK requests that failed before reaching the stop (none, unless the SDK changed)
 */
public record PrimingReport(Duration elapsed, int eventsDecoded, List<String> rejectedEvents, int evaluations,
                            int findings, int planned, int requestsStopped, List<String> requestFailures) {
  public PrimingReport {
    Objects.requireNonNull(elapsed, "elapsed");
    rejectedEvents = List.copyOf(rejectedEvents);
    requestFailures = List.copyOf(requestFailures);
  }
}
