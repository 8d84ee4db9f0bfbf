package dev.endpointguard.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What to do about a rule: not evaluate it, report findings with the plan that would fix them, or apply the plan. */
public enum Mode {
  OFF,
  ALERT,
  REMEDIATE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mode parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.id().equals(v)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a mode; valid: " + valid()));
  }

  public static String valid() {
    return Arrays.stream(values()).map(Mode::id).collect(Collectors.joining("|"));
  }
}
