package dev.endpointguard.trigger;

/**
 * A well-formed event of ours that asks for no work (a failed API call, a compliance change to COMPLIANT, another
 * team's Config rule). Not an error: the handler answers normally.
 */
public record Ignored(String reason) implements Decoded {
  public Ignored {
    reason = OneLine.of(reason);
  }

  @Override
  public String summary() {
    return "ignored: " + reason;
  }
}
