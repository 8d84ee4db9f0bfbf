package dev.endpointguard.handler;

import dev.endpointguard.engine.Delivery;
import dev.endpointguard.plan.Outcome;
import dev.endpointguard.report.EvaluationResult;
import dev.endpointguard.rules.RuleId;
import dev.endpointguard.sink.AlertSink;
import dev.endpointguard.sink.ContinuationSink;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One invocation's CloudWatch metrics, counted as it runs and written at its end as EMF log lines, one per rule
 * (dimension {@code rule}), so an alarm can watch a single rule.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
final class InvocationMetrics {
  static final String DEFAULT_NAMESPACE = "EndpointGuard";
  static final String RULE = "rule";
  /** The {@code rule} dimension of EventsRejected: a rejected event names no rule we trust. */
  static final String NO_RULE = "none";
  static final String EVALUATIONS = "Evaluations";
  static final String NON_COMPLIANT = "NonCompliant";
  static final String APPLIED = "RemediationsApplied";
  static final String FAILED = "RemediationsFailed";
  static final String REJECTED = "EventsRejected";
  /** Alerts SNS did not take (kept whole in the log); the template alarms on any. */
  static final String ALERTS_UNDELIVERED = "AlertsUndelivered";
  /** VPCs a sweep short of time handed to the next invocation. */
  static final String SWEEP_VPCS_HANDED_OVER = "SweepVpcsHandedOver";
  /** VPCs of hand-over messages SQS did not take (kept whole in the log); the template alarms on any. */
  static final String SWEEP_VPCS_NOT_HANDED_OVER = "SweepVpcsNotHandedOver";

  private final Metrics metrics;
  private final Map<RuleId, int[]> perRule = new EnumMap<>(RuleId.class);
  private int rejected;
  private int alertsUndelivered;
  private int vpcsHandedOver;
  private int vpcsNotHandedOver;

  InvocationMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Counts a run's evaluations and what its sinks could not deliver. */
  void record(List<EvaluationResult> results, List<Delivery> deliveries) {
    record(results);
    deliveries.stream().filter(d -> d.sink().equals(AlertSink.NAME))
        .forEach(d -> alertsUndelivered += d.failed());
    deliveries.stream().filter(d -> d.sink().equals(ContinuationSink.NAME)).forEach(d -> {
      vpcsHandedOver += d.delivered();
      vpcsNotHandedOver += d.failed();
    });
  }

  void record(List<EvaluationResult> results) {
    for (EvaluationResult r : results) {
      int[] counts = perRule.computeIfAbsent(r.evaluation().rule(), k -> new int[4]);
      counts[0]++;
      counts[1] += r.evaluation().nonCompliant() ? 1 : 0;
      counts[2] += r.outcome() == Outcome.APPLIED ? 1 : 0;
      counts[3] += r.outcome() == Outcome.FAILED ? 1 : 0;
    }
  }

  void rejected() {
    rejected++;
  }

  /** Writes what was counted; called once, at the end of the invocation, whether it returned or threw. */
  void flush() {
    perRule.forEach((rule, counts) -> metrics.flushMetrics(m -> {
      m.addDimension(RULE, rule.id());
      m.addMetric(EVALUATIONS, counts[0], MetricUnit.COUNT);
      m.addMetric(NON_COMPLIANT, counts[1], MetricUnit.COUNT);
      m.addMetric(APPLIED, counts[2], MetricUnit.COUNT);
      m.addMetric(FAILED, counts[3], MetricUnit.COUNT);
    }));
    if (alertsUndelivered > 0) {
      int n = alertsUndelivered;
      metrics.flushMetrics(m -> {
        m.addDimension(RULE, NO_RULE);
        m.addMetric(ALERTS_UNDELIVERED, n, MetricUnit.COUNT);
      });
    }
    if (vpcsHandedOver > 0 || vpcsNotHandedOver > 0) {
      int handed = vpcsHandedOver;
      int notHanded = vpcsNotHandedOver;
      metrics.flushMetrics(m -> {
        m.addDimension(RULE, NO_RULE);
        m.addMetric(SWEEP_VPCS_HANDED_OVER, handed, MetricUnit.COUNT);
        m.addMetric(SWEEP_VPCS_NOT_HANDED_OVER, notHanded, MetricUnit.COUNT);
      });
    }
    if (rejected > 0) {
      int n = rejected;
      metrics.flushMetrics(m -> {
        m.addDimension(RULE, NO_RULE);
        m.addMetric(REJECTED, n, MetricUnit.COUNT);
      });
    }
    perRule.clear();
    rejected = 0;
    alertsUndelivered = 0;
    vpcsHandedOver = 0;
    vpcsNotHandedOver = 0;
  }
}
