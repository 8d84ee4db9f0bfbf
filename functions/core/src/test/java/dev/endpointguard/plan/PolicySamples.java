package dev.endpointguard.plan;

/** Policies for plan tests, and the safety check wired as production wires it. */
final class PolicySamples {
  static final String NARROWED = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
      + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":"
      + "[\"123456789012\"]}}}]}";

  private PolicySamples() {
  }

  static SafetyCheck safetyCheck() {
    return SafetyCheck.standard();
  }
}
