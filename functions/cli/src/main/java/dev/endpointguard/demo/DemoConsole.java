package dev.endpointguard.demo;

import java.io.PrintWriter;
import java.time.Duration;

/** The demo's output: numbered steps, indented detail, colour only on a terminal; plain text when piped. */
public final class DemoConsole {
  private static final String RESET = "\u001b[0m";
  private final PrintWriter out;
  private final boolean colour;
  private final int steps;
  private int step;

  public DemoConsole(PrintWriter out, boolean colour, int steps) {
    this.out = out;
    this.colour = colour;
    this.steps = steps;
  }

  void title(String text) {
    out.println(paint(text, "\u001b[1m"));
    out.flush();
  }

  void step(String text) {
    step++;
    out.println();
    out.println(paint("[" + step + "/" + steps + "] " + text, "\u001b[1;36m"));
    out.flush();
  }

  void line(String text) {
    out.println("  " + text);
    out.flush();
  }

  void blank() {
    out.println();
  }

  void ok(String text, Duration took) {
    out.println("  " + paint("ok", "\u001b[32m") + " " + text + String.format(" (%.1f s)", took.toMillis() / 1000.0));
    out.flush();
  }

  void raw(String text) {
    for (String l : text.split("\n", -1)) {
      out.println("    " + l);
    }
    out.flush();
  }

  String status(String status) {
    return switch (status) {
      case "COMPLIANT" -> paint(status, "\u001b[32m");
      case "NON_COMPLIANT" -> paint(status, "\u001b[31m");
      default -> paint(status, "\u001b[2m");
    };
  }

  private String paint(String text, String code) {
    return colour ? code + text + RESET : text;
  }
}
