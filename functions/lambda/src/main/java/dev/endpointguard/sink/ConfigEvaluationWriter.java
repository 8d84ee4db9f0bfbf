package dev.endpointguard.sink;

import dev.endpointguard.rules.Evaluation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.PutEvaluationsResponse;

/**
 * Sends a Config rule's verdicts with PutEvaluations: at most 100 per call, annotations cut to 256 characters,
 * TestMode for the console's test token. SDK errors are thrown for the handler to sort.
 * https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html
 */
public final class ConfigEvaluationWriter {
  static final int MAX_PER_CALL = 100;
  static final int MAX_ANNOTATION = 256;

  /** What was sent, and the evaluations Config reported as failed (each one line). */
  public record Sent(int evaluations, List<String> failures) {
    public Sent {
      failures = List.copyOf(failures);
    }
  }

  private final Supplier<ConfigClient> config;

  /** With the client made on the first write: only the Config rule function ever needs it. */
  public ConfigEvaluationWriter(Supplier<ConfigClient> config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public Sent put(List<Evaluation> evaluations, Instant ordering, String resultToken, boolean testMode) {
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < evaluations.size(); from += MAX_PER_CALL) {
      List<software.amazon.awssdk.services.config.model.Evaluation> batch = evaluations
          .subList(from, Math.min(evaluations.size(), from + MAX_PER_CALL)).stream()
          .map(e -> toConfig(e, ordering)).toList();
      PutEvaluationsResponse response = config.get().putEvaluations(b -> b.evaluations(batch).resultToken(resultToken)
          .testMode(testMode));
      if (response.hasFailedEvaluations()) {
        response.failedEvaluations().forEach(f -> failures.add("Config did not take the evaluation of "
            + f.complianceResourceId() + " (" + f.complianceTypeAsString() + ")"));
      }
    }
    return new Sent(evaluations.size(), failures);
  }

  private static software.amazon.awssdk.services.config.model.Evaluation toConfig(Evaluation e, Instant ordering) {
    software.amazon.awssdk.services.config.model.Evaluation.Builder b =
        software.amazon.awssdk.services.config.model.Evaluation.builder()
            .complianceResourceType(e.resourceType().configName())
            .complianceResourceId(e.resourceId())
            .complianceType(ComplianceType.fromValue(e.status().name()))
            .orderingTimestamp(ordering);
    if (!e.reason().isBlank()) {
      b.annotation(annotation(e.reason()));
    }
    return b.build();
  }

  /** Config keeps at most 256 characters of annotation. */
  static String annotation(String reason) {
    if (reason.length() <= MAX_ANNOTATION) {
      return reason;
    }
    return reason.substring(0, MAX_ANNOTATION - 1) + "…";
  }
}
