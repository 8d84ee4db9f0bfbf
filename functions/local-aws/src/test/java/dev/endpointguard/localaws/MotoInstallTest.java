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
}
