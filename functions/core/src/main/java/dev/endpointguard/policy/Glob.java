package dev.endpointguard.policy;

import java.util.Locale;

/**
 * IAM's wildcard patterns as the Action and Resource elements read them: {@code *} matches any run of characters
 * (none included), {@code ?} exactly one; within an ARN a {@code *} stays inside its colon-separated segment unless
 * it is the segment's last character, when it "can expand to match beyond the colon boundaries". Actions compare
 * case-insensitively, resources case-sensitively.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html ·
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
final class Glob {
  private Glob() {
  }

  /**
   * Whether every string {@code inner} matches is also matched by {@code outer}. Exact for patterns without
   * wildcards and for the usual shapes ({@code s3:Get*} in {@code s3:*}, {@code bucket/prefix/*} in
   * {@code bucket/*}); otherwise conservative: false means "not provably included", never a wrong true. A pattern
   * holding a policy variable ({@code ${…}}) is included only in the identical pattern, since the variable's value
   * is the request's.
   */
  static boolean includes(String outer, String inner, boolean ignoreCase) {
    // Reordering a run of wildcards may widen it where stars stop at colons, which is safe only for the inner one.
    String q = collapseStars(fold(outer, ignoreCase));
    String p = normalize(fold(inner, ignoreCase));
    if (q.equals(p)) {
      return true;
    }
    if (q.contains("${") || p.contains("${")) {
      return false;
    }
    // covered[i][j]: p[i..] ⊆ q[j..]. A star of q absorbs a run of p's symbols: any symbol when the star ends its
    // segment (it may cross colons), else only literals other than ':' (a star or ? of p might stand for a colon).
    // A ? of q takes one ? or literal of p other than ':'; a literal of q takes the same literal. Sound whether or
    // not stars cross colons; complete for the common shapes.
    int n = p.length();
    int m = q.length();
    boolean[][] covered = new boolean[n + 1][m + 1];
    covered[n][m] = true;
    for (int j = m - 1; j >= 0; j--) {
      covered[n][j] = q.charAt(j) == '*' && covered[n][j + 1];
    }
    for (int i = n - 1; i >= 0; i--) {
      char a = p.charAt(i);
      for (int j = m - 1; j >= 0; j--) {
        char b = q.charAt(j);
        if (b == '*') {
          boolean endsSegment = j + 1 == m || q.charAt(j + 1) == ':';
          boolean absorbs = endsSegment || (a != ':' && a != '*' && a != '?');
          covered[i][j] = covered[i][j + 1] || (absorbs && covered[i + 1][j]);
        } else if (b == '?') {
          covered[i][j] = a != '*' && a != ':' && covered[i + 1][j + 1];
        } else {
          covered[i][j] = a == b && covered[i + 1][j + 1];
        }
      }
    }
    return covered[0][0];
  }

  /** Consecutive stars match what one does: {@code a**b} is {@code a*b}. */
  static String collapseStars(String pattern) {
    return pattern.replaceAll("\\*{2,}", "*");
  }

  /**
   * Within each run of wildcards, ?s first and one *: the same strings when stars match anything, and a superset
   * where a star stops at colons (the star may move to the end of its segment).
   */
  static String normalize(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c != '*' && c != '?') {
        out.append(c);
        i++;
        continue;
      }
      int singles = 0;
      boolean star = false;
      while (i < pattern.length() && (pattern.charAt(i) == '*' || pattern.charAt(i) == '?')) {
        if (pattern.charAt(i) == '?') {
          singles++;
        } else {
          star = true;
        }
        i++;
      }
      out.append("?".repeat(singles));
      if (star) {
        out.append('*');
      }
    }
    return out.toString();
  }

  private static String fold(String s, boolean ignoreCase) {
    return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
  }
}
