package dev.endpointguard.policy;

/** The outcome of reading a policy document: parsed, or a one-line reason why not. */
sealed interface ParseResult permits ParsedPolicy, ParseFailure {
}
