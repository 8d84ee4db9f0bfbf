package dev.endpointguard.rules;

/** AWS Config's compliance types, which the whole tool speaks. */
public enum Status {
  COMPLIANT,
  NON_COMPLIANT,
  NOT_APPLICABLE
}
