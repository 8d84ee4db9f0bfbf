package dev.endpointguard.localaws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds a Python interpreter that can run the local AWS (it imports moto, flask and werkzeug). */
final class MotoPython {

  static final String ENV_VARIABLE = "ENDPOINT_GUARD_PYTHON";
  static final String PROJECT_VENV = ".local-aws/venv/bin/python";

  private MotoPython() {}

  /**
   * The candidates in order: $ENDPOINT_GUARD_PYTHON, {@code home}/.local-aws/venv/bin/python, python3 and python on
   * PATH.
   */
  static List<Path> candidates(Path home) {
    List<Path> out = new ArrayList<>();
    Optional.ofNullable(System.getenv(ENV_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(out::add);
    out.add(home.resolve(PROJECT_VENV).toAbsolutePath());
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String name : List.of("python3", "python")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          Path p = Path.of(dir, name);
          if (Files.isExecutable(p)) {
            out.add(p);
            break;
          }
        }
      }
    }
    return out;
  }

  static Optional<Path> find(Path home) {
    return candidates(home).stream().filter(MotoPython::canRunMoto).findFirst();
  }

  static boolean canRunMoto(Path python) {
    if (!Files.isExecutable(python)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import moto, flask, werkzeug")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
