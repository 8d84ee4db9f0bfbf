package dev.endpointguard.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample events the SnapStart priming decodes ship inside the package (the package has no {@code events/}):
 * each must stay a byte-for-byte copy of its original in {@code events/}, so priming warms what real events exercise.
 */
class PrimingEventsTest {
  private static final Path COPIES = Path.of("functions/lambda/src/main/resources/dev/endpointguard/handler/priming");

  @Test
  void primingEvents_eachTheSameAsItsOriginalInEvents() throws IOException {
    List<Path> copies;
    try (Stream<Path> files = Files.list(COPIES)) {
      copies = files.sorted().toList();
    }

    assertThat(copies).hasSize(4);
    for (Path copy : copies) {
      Path original = Path.of("events").resolve(copy.getFileName().toString());
      assertThat(original).as("original of " + copy.getFileName()).exists();
      assertThat(Files.readAllBytes(copy)).as(copy.getFileName().toString()).isEqualTo(Files.readAllBytes(original));
    }
  }
}
