package dev.endpointguard.policy;

/** IAM's multi- and single-character wildcards, as StringLike and ArnLike read them. */
final class Wildcards {
  private Wildcards() {
  }

  static boolean in(String value) {
    return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
  }
}
