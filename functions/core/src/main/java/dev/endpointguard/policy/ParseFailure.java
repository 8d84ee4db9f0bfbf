package dev.endpointguard.policy;

import java.util.Objects;

/** A policy document that cannot be read; the message is one line and quotes the parser. */
record ParseFailure(String message) implements ParseResult {
  ParseFailure {
    Objects.requireNonNull(message, "message");
  }
}
