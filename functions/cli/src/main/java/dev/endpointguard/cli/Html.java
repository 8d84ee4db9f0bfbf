package dev.endpointguard.cli;

import java.util.Locale;

/** The two things every piece of the HTML report needs: escaping text and making fragment ids. */
final class Html {
  private Html() {
  }

  /**
   * {@code text} safe as element content and as a quoted attribute value: {@code & < > " '} become character
   * references, so a tag, an id or a policy from AWS can never become markup.
   * https://html.spec.whatwg.org/multipage/syntax.html#escapingString
   */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A fragment id from parts: lower-case letters, digits and dashes only, so it needs no escaping anywhere. */
  static String id(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (!out.isEmpty()) {
        out.append("--");
      }
      for (char c : part.toLowerCase(Locale.ROOT).toCharArray()) {
        out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '_');
      }
    }
    return out.toString();
  }
}
