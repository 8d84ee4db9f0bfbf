package dev.endpointguard.sink;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.endpointguard.alert.AlertContext;
import dev.endpointguard.alert.AlertFormatter;
import dev.endpointguard.alert.AlertMessage;
import dev.endpointguard.engine.Delivery;
import dev.endpointguard.engine.Run;
import dev.endpointguard.engine.Sink;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.report.ScanReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's findings as SNS alerts on one topic (DESIGN.md §3), one message per finding or a digest (in as many parts
 * as SNS's size limit needs, each published and kept on its own). Alerts are never lost and never doubled:
 * <ul>
 *   <li>SNS's answers of throttling or a server error are retried with backoff by the SNS client
 *       ({@link dev.endpointguard.aws.AwsClients}); a request whose answer was lost is not sent again, since SNS may
 *       have taken it and a second copy would double it;</li>
 *   <li>an alert SNS did not take after those retries, or whose fate is unknown, is kept: written whole to the log
 *       ({@value #UNDELIVERED}, with the message's JSON) and counted as failed, which the handlers report as the
 *       {@code AlertsUndelivered} metric and the template alarms on;</li>
 *   <li>when the run will be retried (a change failed in a way a retry can fix, and Lambda invokes the same event again),
 *       only the findings whose plan was applied in this attempt are alerted now — the retry finds them fixed and does
 *       not alert them again — and the rest are deferred to the attempt that completes.</li>
 * </ul>
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html ·
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
 */
public final class AlertSink implements Sink {
  /** The sink's name in results and logs. */
  public static final String NAME = "alerts";
  static final String UNDELIVERED = "alert not delivered";
  private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

  /** One message per finding (a digest above {@link AlertFormatter#DIGEST_ABOVE}), or a digest however few. */
  public enum Style { PER_FINDING, DIGEST }

  private final AlertPublisher publisher;
  private final Style style;
  private final AlertFormatter formatter = new AlertFormatter();

  public AlertSink(AlertPublisher publisher, Style style) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.style = Objects.requireNonNull(style, "style");
  }

  @Override
  public Delivery deliver(Run run) {
    ScanReport report = run.report();
    List<EvaluationResult> findings = AlertFormatter.findings(report);
    List<EvaluationResult> now = run.retryable() ? findings.stream().filter(AlertSink::appliedNow).toList()
        : findings;
    AlertContext ctx = new AlertContext(run.request().source().name(), run.request().source().runId(),
        run.request().settings().azHourPriceUsd());
    List<AlertMessage> messages = style == Style.DIGEST ? formatter.digest(report, now, ctx)
        : formatter.format(report, now, ctx);
    if (messages.isEmpty()) {
      return new Delivery(NAME, 0, 0, findings.size() - now.size(), List.of());
    }
    PublishResult published = publisher.publish(messages);
    List<String> problems = new ArrayList<>();
    for (PublishResult.Failure f : published.failures()) {
      AlertMessage kept = messages.get(f.index());
      LOG.error(UNDELIVERED, entry("subject", kept.subject()), entry("errorCode", f.errorCode()),
          entry("error", f.message()), entry("alert", kept.json()));
      problems.add("alert '" + f.subject() + "' not delivered (" + f.errorCode() + ": " + f.message()
          + "); kept in the log");
    }
    return new Delivery(NAME, published.published(), published.failures().size(), findings.size() - now.size(),
        problems);
  }

  /** A finding whose plan was written in this attempt: its alert is the only record of the change. */
  private static boolean appliedNow(EvaluationResult result) {
    return result.changesApplied();
  }
}
