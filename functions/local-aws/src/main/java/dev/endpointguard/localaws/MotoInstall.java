package dev.endpointguard.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds a Python that can run the local AWS or, when there is none, installs the pinned moto into the project's
 * virtual environment ({@code <home>/.local-aws/venv}) after saying so. The demo and the tests both start the local AWS
 * through here, so a machine with Java, Maven and Python 3 needs nothing else. Installs are serialised with a file lock
 * under {@code .local-aws}, so two builds starting at once install once.
 */
public final class MotoInstall {
  /** The moto the local AWS is tested with (docs/local-aws.md). */
  public static final String MOTO = "moto[server]==5.2.1";
  /**
   * Every package of moto's dependency closure at the version the suite was run with (pip's constraints file, on the
   * class path next to this class): installed with {@code pip install -c}, so that a new release of any of them cannot
   * change what the tests run against.
   */
  static final String CONSTRAINTS = "moto-constraints.txt";
  static final String VENV = ".local-aws/venv";

  private MotoInstall() {
  }

  /**
   * A Python that can import moto, flask and werkzeug: one found already ({@link MotoPython#find(Path)}), or the
   * project's venv after installing {@link #MOTO} into it with {@code python3}.
   *
   * @param home the repository root; the venv goes to {@code home/.local-aws/venv}
   * @param say  told once, before an install starts, what is being installed and where
   * @throws IOException when no Python can be found and the install fails (the message says how to install by hand)
   */
  public static Path pythonOrInstall(Path home, Consumer<String> say) throws IOException {
    return pythonOrInstall(home, say, MotoPython.find(home), "python3");
  }

  /** {@code found}: a Python with moto found already, if any; {@code python3}: the interpreter to make a venv with. */
  static Path pythonOrInstall(Path home, Consumer<String> say, Optional<Path> found, String python3)
      throws IOException {
    if (found.isPresent()) {
      return found.get();
    }
    Path venv = home.resolve(VENV);
    Path venvPython = venv.resolve("bin/python");
    Files.createDirectories(venv.getParent());
    try (FileChannel lockFile = FileChannel.open(venv.getParent().resolve(".install.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock lock = lockFile.lock()) {
      // Another build may have installed it while this one waited for the lock.
      if (Files.isExecutable(venvPython) && MotoPython.canRunMoto(venvPython)) {
        return venvPython;
      }
      say.accept("No local AWS (moto) found: installing " + MOTO + " into " + home.relativize(venv)
          + " (once, about a minute)...");
      run(List.of(python3, "-m", "venv", venv.toString()), "creating the virtual environment (is python3-venv "
          + "installed? apt-get install python3-venv)");
      Path constraints = venv.getParent().resolve(CONSTRAINTS);
      try (InputStream pins = MotoInstall.class.getResourceAsStream(CONSTRAINTS)) {
        if (pins == null) {
          throw new IOException(CONSTRAINTS + " is missing from the class path (a broken build of local-aws)");
        }
        Files.copy(pins, constraints, StandardCopyOption.REPLACE_EXISTING);
      }
      run(List.of(venv.resolve("bin/pip").toString(), "install", "-q", "-c", constraints.toString(), MOTO),
          "installing " + MOTO + " and its pinned dependencies from PyPI (is PyPI reachable?)");
      if (!MotoPython.canRunMoto(venvPython)) {
        throw new IOException("installed " + MOTO + " but " + venvPython + " cannot import it; install it by hand: "
            + "pip install '" + MOTO + "'");
      }
      return venvPython;
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
