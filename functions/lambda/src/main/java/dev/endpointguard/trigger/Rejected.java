package dev.endpointguard.trigger;

/** A malformed, foreign or unknown event: the handler logs it, answers "rejected" and makes no AWS call. */
public record Rejected(String reason) implements Decoded {
  public Rejected {
    reason = OneLine.of(reason);
  }

  @Override
  public String summary() {
    return "rejected: " + reason;
  }
}
