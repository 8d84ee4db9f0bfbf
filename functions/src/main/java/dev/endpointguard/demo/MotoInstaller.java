package dev.endpointguard.demo;

import dev.endpointguard.localaws.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds a Python that can run the local AWS or, when there is none, installs the pinned moto into the project's
 * virtual environment ({@code .local-aws/venv}) after saying so.
 */
final class MotoInstaller {
  static final String MOTO = "moto[server]==5.2.1";

  private MotoInstaller() {
  }

  static Path pythonOrInstall(Path home, Consumer<String> say) throws IOException {
    return pythonOrInstall(home, say, LocalAws.findPython(), "python3");
  }

  /** {@code found}: a Python with moto found already, if any; {@code python3}: the interpreter to make a venv with. */
  static Path pythonOrInstall(Path home, Consumer<String> say, Optional<Path> found, String python3)
      throws IOException {
    Path venvPython = home.resolve(".local-aws/venv/bin/python");
    if (found.isPresent()) {
      return found.get();
    }
    if (Files.isExecutable(venvPython) && works(venvPython)) {
      return venvPython;
    }
    say.accept("No local AWS (moto) found: installing " + MOTO + " into " + home.relativize(venvPython.getParent()
        .getParent()) + " (once, about a minute)...");
    Path venv = home.resolve(".local-aws/venv");
    run(List.of(python3, "-m", "venv", venv.toString()), "creating the virtual environment (is python3-venv "
        + "installed? apt-get install python3-venv)");
    run(List.of(venv.resolve("bin/pip").toString(), "install", "-q", MOTO), "installing " + MOTO
        + " from PyPI (is PyPI reachable?)");
    if (!works(venvPython)) {
      throw new IOException("installed " + MOTO + " but " + venvPython + " cannot import it; install it by hand: "
          + "pip install '" + MOTO + "'");
    }
    return venvPython;
  }

  private static boolean works(Path python) {
    try {
      Process p = new ProcessBuilder(python.toString(), "-c", "import moto, flask, werkzeug")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(List<String> command, String what) throws IOException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        String tail = output.lines().reduce((a, b) -> b).orElse("");
        throw new IOException("failed " + what + ": " + tail + "; install it by hand: pip install '" + MOTO + "'");
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("failed ")) {
        throw e;
      }
      throw new IOException("cannot run " + command.get(0) + " for " + what + ": " + e.getMessage()
          + "; install Python 3 and run: pip install '" + MOTO + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + what, e);
    }
  }
}
