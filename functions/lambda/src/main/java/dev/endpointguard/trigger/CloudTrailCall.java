package dev.endpointguard.trigger;

import java.util.Objects;

/** The facts of one CloudTrail-recorded API call that every change event carries. */
public record CloudTrailCall(String eventId, String eventName, Caller caller) {
  public CloudTrailCall {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(caller, "caller");
  }
}
