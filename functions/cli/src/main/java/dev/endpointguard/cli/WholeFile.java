package dev.endpointguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file the CLI writes for people to open (a plan file, the HTML report): it appears whole or not at all. */
final class WholeFile {
  private WholeFile() {
  }

  /**
   * Writes {@code text} (UTF-8) beside {@code file}, then moves it into place, replacing what was there.
   *
   * @param what what the file is, for the error ("plan file", "HTML report")
   * @throws UncheckedIOException naming {@code what} and {@code file} when it cannot be written
   */
  static void write(Path file, String text, String what) {
    Path absolute = file.toAbsolutePath();
    try {
      Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + what + " " + file + ": " + e.getMessage(), e);
    }
  }
}
