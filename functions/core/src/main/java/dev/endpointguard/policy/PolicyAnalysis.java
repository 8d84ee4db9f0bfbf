package dev.endpointguard.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyser found in one endpoint policy.
 *
 * @param parseError      a one-line message quoting the parse error, when the policy cannot be parsed
 * @param broadStatements the broad Allow statements, in policy order
 * @param notes           facts worth reporting that do not make the policy broad (e.g. an unverified org id)
 */
public record PolicyAnalysis(Optional<String> parseError, List<StatementFinding> broadStatements, List<String> notes) {
  public PolicyAnalysis {
    Objects.requireNonNull(parseError, "parseError");
    broadStatements = List.copyOf(broadStatements);
    notes = List.copyOf(notes);
  }

  static PolicyAnalysis unparseable(String message) {
    return new PolicyAnalysis(Optional.of(message), List.of(), List.of());
  }

  /** True when the policy parsed and at least one Allow statement is broad. */
  public boolean broad() {
    return parsed() && !broadStatements.isEmpty();
  }

  public boolean parsed() {
    return parseError.isEmpty();
  }
}
