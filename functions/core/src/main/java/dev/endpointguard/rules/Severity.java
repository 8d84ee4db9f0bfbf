package dev.endpointguard.rules;

public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}
