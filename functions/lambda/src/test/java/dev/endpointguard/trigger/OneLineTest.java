package dev.endpointguard.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression (reliability corpus, docs/reliability.md): a region of "us-east-1" + U+202E (right-to-left override)
 * reached the rejection reason and the log line unchanged, where it reverses how the rest of the line displays.
 */
class OneLineTest {

  @ParameterizedTest
  @ValueSource(strings = {"\u202e", "\u202d", "\u2066", "\u200b", "\ufeff", "\u0000", "\n", "\u2028", "\u0085"})
  void quote_invisibleOrLayoutCharacter_replacedByQuestionMark(String hostile) {
    assertThat(OneLine.quote("us-east-1" + hostile + "x")).isEqualTo("'us-east-1?x'");
    assertThat(new Rejected("region " + hostile).reason()).isEqualTo("region ?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpce-é", "日本語", "Ünïcødé"})
  void quote_printableUnicode_keptAsIs(String text) {
    assertThat(OneLine.quote(text)).isEqualTo("'" + text + "'");
  }
}
