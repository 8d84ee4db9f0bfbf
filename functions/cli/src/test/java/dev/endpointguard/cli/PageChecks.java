package dev.endpointguard.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What would make a page reach outside itself: the HTML report must have none of it. */
final class PageChecks {
  /** Attributes whose value a browser loads or navigates to. */
  private static final Set<String> URL_ATTRIBUTES = Set.of("src", "href", "srcset", "action", "formaction", "poster",
      "data", "xlink:href", "background", "cite", "manifest", "ping", "longdesc", "codebase", "archive", "usemap");
  /** Elements that load or embed something, or change where relative references point. */
  private static final Set<String> LOADING_ELEMENTS = Set.of("link", "iframe", "frame", "object", "embed", "base",
      "img", "audio", "video", "source", "track", "portal", "applet");
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

  private PageChecks() {
  }

  /** Every reference of {@code page} to something outside it, one line each; empty when it is self-contained. */
  static List<String> externalReferences(Document page) {
    List<String> found = new ArrayList<>();
    for (Element e : page.getAllElements()) {
      String tag = e.normalName();
      if (LOADING_ELEMENTS.contains(tag)) {
        found.add("<" + tag + "> element");
      }
      if (tag.equals("script") && e.hasAttr("src")) {
        found.add("<script src>");
      }
      if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
        found.add("<meta http-equiv=refresh>");
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (URL_ATTRIBUTES.contains(key) && !local(a.getValue())) {
          found.add("<" + tag + " " + key + "=\"" + a.getValue() + "\">");
        }
        if (key.equals("style")) {
          found.addAll(cssReferences(a.getValue()));
        }
      }
      if (tag.equals("style")) {
        found.addAll(cssReferences(e.data()));
      }
    }
    return found;
  }

  private static List<String> cssReferences(String css) {
    List<String> found = new ArrayList<>();
    if (css.toLowerCase(Locale.ROOT).contains("@import")) {
      found.add("CSS @import");
    }
    Matcher m = CSS_URL.matcher(css);
    while (m.find()) {
      if (!local(m.group(1))) {
        found.add("CSS url(" + m.group(1) + ")");
      }
    }
    return found;
  }

  /** A fragment of the same page or inline data. */
  private static boolean local(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.startsWith("#") || v.startsWith("data:");
  }
}
