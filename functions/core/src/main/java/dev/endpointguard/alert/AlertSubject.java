package dev.endpointguard.alert;

import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.Evaluation;

/**
 * Subjects that SNS accepts: at most 100 characters, printable ASCII, no line breaks.
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
final class AlertSubject {
  static final String PREFIX = "[endpoint-guard] ";
  private static final String ELLIPSIS = "...";

  private AlertSubject() {
  }

  /** {@code [endpoint-guard] HIGH single-az-endpoint vpce-0abc NON_COMPLIANT (APPLIED)}; a long id is shortened. */
  static String finding(EvaluationResult result) {
    Evaluation e = result.evaluation();
    String head = PREFIX + e.severity() + " " + e.rule().id() + " ";
    String tail = " " + e.status() + " (" + result.outcome() + ")";
    String id = sanitise(e.resourceId());
    int room = AlertMessage.MAX_SUBJECT_CHARS - head.length() - tail.length();
    if (id.length() > room) {
      id = id.substring(0, Math.max(0, room - ELLIPSIS.length())) + ELLIPSIS;
    }
    return sanitise(head + id + tail);
  }

  /** {@code [endpoint-guard] HIGH 27 findings in 123456789012 us-east-1 (MIXED)}. */
  static String digest(String severity, int findings, String account, String region, String outcome) {
    return sanitise(PREFIX + severity + " " + findings + " findings in " + account + " " + region + " (" + outcome
        + ")");
  }

  /**
   * {@code [endpoint-guard] HIGH 70 of 1000 findings in 123456789012 us-east-1 (MIXED) (part 2 of 15)}: the part's
   * highest severity and outcome; the start is shortened if needed, never the part's number.
   */
  static String digestPart(String severity, int included, int findings, String account, String region,
                           String outcome, int part, int parts) {
    String tail = " (part " + part + " of " + parts + ")";
    String head = sanitise(PREFIX + severity + " " + included + " of " + findings + " findings in " + account + " "
        + region + " (" + outcome + ")");
    int room = AlertMessage.MAX_SUBJECT_CHARS - tail.length();
    if (head.length() > room) {
      head = head.substring(0, room - ELLIPSIS.length()) + ELLIPSIS;
    }
    return head + tail;
  }

  /** Control characters become spaces, other non-ASCII characters '?', and the result is cut to 100 characters. */
  static String sanitise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7e) {
        out.append(c);
      } else if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        out.append(' ');
      } else if (!Character.isLowSurrogate(c)) {
        out.append('?');
      }
    }
    String clean = out.toString().strip().replaceAll(" {2,}", " ");
    if (clean.length() > AlertMessage.MAX_SUBJECT_CHARS) {
      clean = clean.substring(0, AlertMessage.MAX_SUBJECT_CHARS - ELLIPSIS.length()) + ELLIPSIS;
    }
    return clean;
  }
}
