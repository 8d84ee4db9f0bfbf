package dev.endpointguard.handler;

import dev.endpointguard.engine.Mode;
import dev.endpointguard.engine.Settings;
import dev.endpointguard.rules.RuleId;
import java.util.EnumMap;
import java.util.Map;

/** Settings narrowed to one rule: that rule in the given mode, every other rule off. */
final class RuleFocus {
  private RuleFocus() {
  }

  static Settings only(Settings settings, RuleId rule, Mode mode) {
    Map<RuleId, Mode> modes = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) {
      modes.put(r, r == rule ? mode : Mode.OFF);
    }
    return settings.withModes(modes);
  }
}
