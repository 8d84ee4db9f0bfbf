package dev.endpointguard.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: the tests and the demo install the pinned moto the same way when no Python has it. */
class MotoInstallTest {

  @Test
  void pythonOrInstall_pythonWithMotoFound_usesItAndInstallsNothing(@TempDir Path home) throws IOException {
    List<String> said = new ArrayList<>();
    Path found = Path.of("/opt/python/bin/python3");

    Path python = MotoInstall.pythonOrInstall(home, said::add, Optional.of(found), "python3");

    assertThat(python).isEqualTo(found);
    assertThat(said).isEmpty();
    assertThat(home.resolve(".local-aws")).doesNotExist();
  }

  @Test
  void pythonOrInstall_noPythonAtAll_saysWhatItTriedAndHowToGetMoto(@TempDir Path home) {
    List<String> said = new ArrayList<>();

    assertThatThrownBy(() -> MotoInstall.pythonOrInstall(home, said::add, Optional.empty(),
        home.resolve("no-such-python3").toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("creating the virtual environment")
        .hasMessageContaining("pip install 'moto[server]==5.2.1'");
    assertThat(said).singleElement().asString()
        .startsWith("No local AWS (moto) found: installing moto[server]==5.2.1 into .local-aws");
  }

  @Test
  void pythonOrInstall_venvInstalledMeanwhile_isTakenUnderTheLockWithoutInstallingAgain(@TempDir Path home)
      throws IOException {
    // A venv that "another build" finished: its python answers the import probe with success. A script stands in
    // for it so that this test needs no moto on the machine (the bare CI machine has none when it runs).
    Path venvBin = home.resolve(".local-aws/venv/bin");
    Files.createDirectories(venvBin);
    Path venvPython = Files.writeString(venvBin.resolve("python"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(venvPython, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> said = new ArrayList<>();

    Path python = MotoInstall.pythonOrInstall(home, said::add, Optional.empty(), "no-such-python3");

    assertThat(python).isEqualTo(venvBin.resolve("python"));
    assertThat(said).isEmpty();
  }

  @Test
  void pythonOrInstall_nothingFound_installsMotoWithEveryDependencyPinned(@TempDir Path home) throws IOException {
    // A stand-in python3: "-m venv DIR" makes DIR/bin/pip, which records its arguments and marks the venv installed,
    // and DIR/bin/python, which answers the import probe once installed. No network, no real Python needed.
    Path python3 = Files.writeString(home.resolve("python3"), """
        #!/bin/sh
        [ "$1" = "-m" ] && [ "$2" = "venv" ] || exit 2
        mkdir -p "$3/bin"
        printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/pip-args"\ntouch "%s/installed"\n' "$3" "$3" > "$3/bin/pip"
        printf '#!/bin/sh\ntest -f "%s/installed"\n' "$3" > "$3/bin/python"
        chmod +x "$3/bin/pip" "$3/bin/python"
        """);
    Files.setPosixFilePermissions(python3, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<String> said = new ArrayList<>();

    Path python = MotoInstall.pythonOrInstall(home, said::add, Optional.empty(), python3.toString());

    Path venv = home.resolve(".local-aws/venv");
    assertThat(python).isEqualTo(venv.resolve("bin/python"));
    assertThat(said).singleElement().asString().startsWith("No local AWS (moto) found: installing");
    Path constraints = home.resolve(".local-aws/moto-constraints.txt");
    assertThat(Files.readAllLines(venv.resolve("pip-args")))
        .containsExactly("install", "-q", "-c", constraints.toString(), "moto[server]==5.2.1");
    List<String> pins = Files.readAllLines(constraints).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
    assertThat(pins).as("every package pinned to one version").allMatch(l -> l.matches("[A-Za-z0-9_.-]+==[^=\\s]+"))
        .contains("moto==5.2.1").anyMatch(l -> l.startsWith("botocore==")).anyMatch(l -> l.startsWith("Werkzeug=="))
        .anyMatch(l -> l.startsWith("Flask=="));
  }
}
