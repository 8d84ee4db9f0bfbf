package dev.endpointguard.trigger;

import dev.endpointguard.model.AccountRegion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's events/ folder (Maven runs tests from the repository root, as sam build does). */
final class EventFiles {
  static final AccountRegion HOME = new AccountRegion("123456789012", "us-east-1");

  private EventFiles() {
  }

  static String read(String name) {
    try {
      return Files.readString(Path.of("events", name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path path(String name) {
    return Path.of("events", name);
  }
}
