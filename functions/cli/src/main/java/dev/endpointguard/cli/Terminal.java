package dev.endpointguard.cli;

/** Whether output goes to a person at a terminal (colour, progress) or to a pipe (plain text). */
final class Terminal {
  private Terminal() {
  }

  static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
