package dev.endpointguard.cli;

/** Whether output goes to a person at a terminal (colour, progress) or to a pipe (plain text). */
final class Terminal {
  private Terminal() {
  }

  /**
   * Whether a person is at the terminal: the JVM has a console (stdin and stdout are a terminal). stderr alone cannot be
   * tested from Java; piping stdout, as scripts do, turns progress off.
   */
  static boolean interactive() {
    return System.console() != null;
  }

  static boolean colour() {
    return System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
