package dev.endpointguard.model;

import java.util.Locale;

/**
 * How DNS names from EC2 and Route 53 compare: case-insensitively, without a trailing dot, with Route 53's escape
 * codes decoded. Route 53 stores names in lower case and returns characters other than a-z, 0-9, hyphen and
 * underscore as {@code \}three-digit octal codes ({@code *.example.com} comes back as {@code \052.example.com}).
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html
 */
public final class DnsNames {
  private static final String WILDCARD = "*.";
  private static final String DUALSTACK = "dualstack.";

  private DnsNames() {
  }

  /** Lower case, escape codes decoded, no trailing dot: the form in which two names are compared. */
  public static String normalize(String name) {
    String n = decode(name).toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /**
   * An alias target's DNS name in comparable form: as {@link #normalize}, without the {@code dualstack.} prefix that
   * Route 53 alias targets may carry. https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html
   */
  public static String aliasTarget(String name) {
    String n = normalize(name);
    return n.startsWith(DUALSTACK) ? n.substring(DUALSTACK.length()) : n;
  }

  /** As shown in reasons: escape codes decoded, no trailing dot, case kept. */
  public static String display(String name) {
    String n = decode(name);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** Whether the name's leftmost label is the wildcard {@code *} ({@code *.s3.us-east-1.amazonaws.com}). */
  public static boolean isWildcard(String name) {
    return normalize(name).startsWith(WILDCARD);
  }

  /**
   * The name of the zone that holds {@code name}: itself, or for a wildcard name the domain under the wildcard
   * ({@code *.s3.us-east-1.amazonaws.com} → {@code s3.us-east-1.amazonaws.com}); normalized.
   */
  public static String zoneName(String name) {
    String n = normalize(name);
    return n.startsWith(WILDCARD) ? n.substring(WILDCARD.length()) : n;
  }

  /** Whether two names are the same name once normalized. */
  public static boolean same(String a, String b) {
    return normalize(a).equals(normalize(b));
  }

  private static String decode(String name) {
    if (name.indexOf('\\') < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' && isOctal(name, i + 1)) {
        out.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
