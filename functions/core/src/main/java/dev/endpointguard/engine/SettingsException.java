package dev.endpointguard.engine;

import java.util.List;

/** Settings that failed validation: every problem, each naming the setting and the valid values. */
public final class SettingsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public SettingsException(List<String> problems) {
    super("invalid settings: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
