package dev.endpointguard.trigger;

/** Makes text safe for a one-line log field: no control or format characters, bounded length. */
final class OneLine {
  static final int MAX_REASON = 300;

  private OneLine() {
  }

  static String of(String text) {
    return bounded(text == null ? "" : text, MAX_REASON);
  }

  /** An event value quoted inside a reason: attacker-controlled, so short and printable. */
  static String quote(String value) {
    return "'" + bounded(value, 64) + "'";
  }

  private static String bounded(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      out.append(printable(c) ? c : '?');
    }
    return text.length() > max ? out + "..." : out.toString();
  }

  // Format characters (bidi overrides, zero-width ones) can make a log line read other than it is:
  // https://unicode.org/reports/tr9/#Explicit_Directional_Overrides
  private static boolean printable(char c) {
    int type = Character.getType(c);
    return !Character.isISOControl(c) && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.FORMAT;
  }
}
