package dev.endpointguard.trigger;

import dev.endpointguard.model.Targets;
import java.util.Objects;

/** An EC2 API call, recorded by CloudTrail and delivered by EventBridge, that may have caused a finding. */
public record ChangeEvent(CloudTrailCall call, Ec2Change change) implements Trigger {
  public ChangeEvent {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(change, "change");
  }

  @Override
  public Targets targets() {
    return change.targets();
  }

  /** Whether {@code identityArn} (the function's own role) made the call. */
  public boolean madeBy(String identityArn) {
    return call.caller().is(identityArn);
  }

  @Override
  public String summary() {
    return call.eventName() + " " + call.eventId() + " by " + call.caller().arn().orElse(call.caller().type());
  }
}
