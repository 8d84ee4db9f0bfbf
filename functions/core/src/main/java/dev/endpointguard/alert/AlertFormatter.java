package dev.endpointguard.alert;

import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ReportJson;
import dev.endpointguard.report.ScanReport;
import dev.endpointguard.rules.Severity;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a run's report into SNS alerts (DESIGN.md §3): one message per NON_COMPLIANT finding, or a digest when a
 * run has more than {@value #DIGEST_ABOVE} findings (one message, or as many parts as SNS's size limit needs). Compliant and not-applicable results are not alerted. Pure.
 */
public final class AlertFormatter {
  public static final int DIGEST_ABOVE = 10;
  public static final String ATTR_RULE = "rule";
  public static final String ATTR_SEVERITY = "severity";
  public static final String ATTR_OUTCOME = "outcome";
  public static final String ATTR_ACCOUNT = "account";
  public static final String ATTR_REGION = "region";
  /** The digest's {@code rule} attribute when its findings come from more than one rule. */
  public static final String MULTIPLE_RULES = "multiple";
  /** The digest's {@code outcome} attribute when its findings have different outcomes. */
  public static final String MIXED_OUTCOMES = "MIXED";

  static final String EMAIL_FOOTER = "\n--\nYou receive this because you subscribed to an endpoint-guard alert topic."
      + " SQS, Lambda and HTTPS subscribers receive the same alert as endpoint-guard/1 JSON.\n";
  // SNS rejects empty attribute values. https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html
  private static final String UNKNOWN = "unknown";

  /** One message per NON_COMPLIANT finding of the report, or a digest when there are more than {@value #DIGEST_ABOVE}. */
  public List<AlertMessage> format(ScanReport report, AlertContext ctx) {
    return format(report, findings(report), ctx);
  }

  /** The same for some of the report's findings only (the report still gives the digest its counts). */
  public List<AlertMessage> format(ScanReport report, List<EvaluationResult> findings, AlertContext ctx) {
    if (findings.isEmpty()) {
      return List.of();
    }
    if (findings.size() > DIGEST_ABOVE) {
      return new Digest(findings, report, ctx).messages();
    }
    return findings.stream().map(r -> finding(r, report, ctx)).toList();
  }

  /**
   * A digest of every NON_COMPLIANT finding, however few (a scheduled sweep sends one digest): one message, or its
   * parts when one message would pass SNS's size limit; none if none.
   */
  public List<AlertMessage> digest(ScanReport report, AlertContext ctx) {
    return digest(report, findings(report), ctx);
  }

  /** A digest of some of the report's findings (one message or its parts); none if none. */
  public List<AlertMessage> digest(ScanReport report, List<EvaluationResult> findings, AlertContext ctx) {
    if (findings.isEmpty()) {
      return List.of();
    }
    return new Digest(findings, report, ctx).messages();
  }

  /** The report's NON_COMPLIANT results: what alerts are about. */
  public static List<EvaluationResult> findings(ScanReport report) {
    return report.results().stream().filter(r -> r.evaluation().nonCompliant()).toList();
  }

  private static AlertMessage finding(EvaluationResult result, ScanReport report, AlertContext ctx) {
    String text = FindingText.render(result, report.account(), report.region(), ctx);
    String json = ReportJson.toJson(AlertJson.finding(result, report.account(), report.region(), ctx), false);
    Map<String, String> attributes = attributes(result.evaluation().rule().id(),
        result.evaluation().severity().name(), result.outcome().name(), report);
    return new AlertMessage(AlertSubject.finding(result), text, text + EMAIL_FOOTER, json, attributes);
  }

  /** A digest's (or a part's) attributes: its one rule or {@value #MULTIPLE_RULES}, highest severity, outcome. */
  static Map<String, String> digestAttributes(List<EvaluationResult> findings, ScanReport report) {
    Set<String> rules = findings.stream().map(r -> r.evaluation().rule().id()).collect(Collectors.toSet());
    Set<String> outcomes = findings.stream().map(r -> r.outcome().name()).collect(Collectors.toSet());
    Severity highest = findings.stream().map(r -> r.evaluation().severity()).max(Comparator.naturalOrder())
        .orElseThrow();
    return attributes(rules.size() == 1 ? rules.iterator().next() : MULTIPLE_RULES, highest.name(),
        outcomes.size() == 1 ? outcomes.iterator().next() : MIXED_OUTCOMES, report);
  }

  private static Map<String, String> attributes(String rule, String severity, String outcome, ScanReport report) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(ATTR_RULE, rule);
    attributes.put(ATTR_SEVERITY, severity);
    attributes.put(ATTR_OUTCOME, outcome);
    attributes.put(ATTR_ACCOUNT, orUnknown(report.account()));
    attributes.put(ATTR_REGION, orUnknown(report.region()));
    return attributes;
  }

  private static String orUnknown(String value) {
    return value.isBlank() ? UNKNOWN : value;
  }
}
