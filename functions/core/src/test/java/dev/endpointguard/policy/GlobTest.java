package dev.endpointguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10 d: pattern inclusion for narrowed actions and resources, exact where it can be, never a wrong yes. */
class GlobTest {

  @ParameterizedTest(name = "{0} includes {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "*|arn:aws:s3:::bucket/*|true",
      "*|*|true",
      "arn:aws:s3:::*|arn:aws:s3:::bucket/*|true",
      "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket/prefix/*|true",
      "arn:aws:s3:::bucket/*|arn:aws:s3:::bucket|false",
      "arn:aws:s3:::bucket*|arn:aws:s3:::bucket/*|true",
      "arn:aws:s3:::a/*|arn:aws:s3:::ab/*|false",
      "arn:aws:s3:::a/x|arn:aws:s3:::a/?|false",
      "arn:aws:s3:::a/?|arn:aws:s3:::a/x|true",
      "arn:aws:s3:::a/??|arn:aws:s3:::a/?*|false",
      "arn:aws:s3:::a/?*|arn:aws:s3:::a/*?|true",
      // The star of *? stops at colons (it does not end its segment), so it cannot cover ?* (whose star can).
      "arn:aws:s3:::a/*?|arn:aws:s3:::a/?*|false",
      "arn:aws:s3:::A/*|arn:aws:s3:::a/x|false",
      "arn:aws:sqs:*:*:*|arn:aws:sqs:us-east-1:111122223333:queue|true",
      // A star inside a segment does not cross colons: it cannot be shown to cover one.
      "arn:aws:logs:*x:1:g|arn:aws:logs:a:bx:1:g|false",
      "arn:aws:s3:::home/${aws:username}/*|arn:aws:s3:::home/${aws:username}/*|true",
      "arn:aws:s3:::home/*|arn:aws:s3:::home/${aws:username}/*|false"})
  void includes_resources_caseSensitive(String outer, String inner, boolean included) {
    assertThat(Glob.includes(outer, inner, false)).isEqualTo(included);
  }

  @ParameterizedTest(name = "{0} includes {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "*|s3:GetObject|true",
      "s3:*|s3:Get*|true",
      "s3:Get*|S3:GETOBJECT|true",
      "s3:Get*|s3:*|false",
      "s3:GetObject|s3:GetObject*|false",
      "s3:*Object|s3:GetObject|true",
      "ec2:*|s3:GetObject|false"})
  void includes_actions_caseInsensitive(String outer, String inner, boolean included) {
    assertThat(Glob.includes(outer, inner, true)).isEqualTo(included);
  }

  @Test
  void normalize_runsOfWildcards_singlesThenOneStar() {
    assertThat(Glob.normalize("a*?*?b**")).isEqualTo("a??*b*");
  }

  /** Over random patterns on a small alphabet, a claimed inclusion holds for every string up to length 6. */
  @Test
  void includes_randomPatterns_neverClaimsAnInclusionThatFails() {
    Random random = new Random(10L);
    List<String> strings = strings("ab:", 6);
    int claimed = 0;
    for (int i = 0; i < 4_000; i++) {
      String outer = pattern(random);
      String inner = pattern(random);
      if (Glob.includes(outer, inner, false)) {
        claimed++;
        Pattern o = segmentRegex(outer);
        Pattern anyO = anyRegex(outer);
        for (String s : strings) {
          if (segmentRegex(inner).matcher(s).matches()) {
            assertThat(o.matcher(s).matches()).as("%s ⊆ %s, yet %s", inner, outer, s).isTrue();
          }
          if (anyRegex(inner).matcher(s).matches()) {
            assertThat(anyO.matcher(s).matches()).as("%s ⊆ %s (stars crossing colons), yet %s", inner, outer, s)
                .isTrue();
          }
        }
      }
    }
    assertThat(claimed).as("inclusions claimed").isGreaterThan(300);
  }

  private static String pattern(Random random) {
    String symbols = "ab:*?";
    StringBuilder p = new StringBuilder();
    int length = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      p.append(symbols.charAt(random.nextInt(symbols.length())));
    }
    return p.toString();
  }

  private static List<String> strings(String alphabet, int maxLength) {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= maxLength; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (char c : alphabet.toCharArray()) {
          next.add(s + c);
        }
      }
      all.addAll(next);
      last = next;
    }
    return all;
  }

  /** Stars match anything. */
  private static Pattern anyRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  /** IAM's ARN reading: a star crosses colons only at the end of its segment; ? is any character but a colon. */
  private static Pattern segmentRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      boolean endsSegment = i + 1 == pattern.length() || pattern.charAt(i + 1) == ':';
      regex.append(c == '*' ? (endsSegment ? ".*" : "[^:]*") : c == '?' ? "[^:]" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
