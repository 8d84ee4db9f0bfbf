package dev.endpointguard.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium for the HTML report's tests: found through {@code ENDPOINT_GUARD_CHROMIUM}, else {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} on the PATH. Each call gets its own profile directory (several
 * builds may run it at once) and no way out to the network: every host name fails to resolve and every request goes
 * to a proxy on a closed port.
 */
final class Chromium {
  static final String ENV = "ENDPOINT_GUARD_CHROMIUM";
  static final String MISSING = "install Chromium (Debian: apt-get install chromium) or set " + ENV;
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;
  private final Path work;

  private Chromium(Path binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /**
   * The browser, working in {@code work}.
   *
   * @throws IllegalStateException with {@link #MISSING} when none is found, or ENDPOINT_GUARD_CHROMIUM names no
   *                               executable file
   */
  static Chromium find(Path work) {
    String configured = System.getenv(ENV);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(ENV + "=" + configured + " is not an executable file: " + MISSING);
      }
      return new Chromium(p, work);
    }
    return new Chromium(onPath().orElseThrow(() -> new IllegalStateException(MISSING)), work);
  }

  private static Optional<Path> onPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM Chromium built from {@code page}, serialized ({@code --dump-dom}). */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path dom = work.resolve("dom.html");
    run(List.of("--dump-dom", page.toUri().toString()), dom);
    return Files.readString(dom, StandardCharsets.UTF_8);
  }

  /** A PNG of {@code page} in a {@code width}×{@code height} window. */
  Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars", page.toUri().toString()), work.resolve("screenshot.out"));
    return png;
  }

  private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"));
    command.addAll(args);
    Path stderr = work.resolve("chromium.err");
    try {
      Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("Chromium exited " + p.exitValue() + ": " + command + "\n"
            + Files.readString(stderr, StandardCharsets.UTF_8));
      }
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
