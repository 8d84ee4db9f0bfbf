package dev.endpointguard.trigger;

import java.time.Instant;
import java.util.Objects;

/** The facts of one CloudTrail-recorded API call that every change event carries. */
public record CloudTrailCall(String eventId, String eventName, Instant eventTime, String account, String region,
                             Caller caller) {
  public CloudTrailCall {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(eventName, "eventName");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(caller, "caller");
  }
}
