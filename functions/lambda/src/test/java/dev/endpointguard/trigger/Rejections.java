package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoders' shared promise about bad input: rejected, with a reason on one line that says what was wrong. */
final class Rejections {
  private Rejections() {
  }

  /** {@code decoded} is {@link Rejected}, its reason contains {@code reasonPart} and no line break. */
  static void assertRejectedInOneLine(Decoded decoded, String reasonPart) {
    assertThat(decoded).isInstanceOf(Rejected.class);
    assertThat(((Rejected) decoded).reason()).contains(reasonPart).doesNotContain("\n", "\r");
  }
}
