package dev.endpointguard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoInstallerTest {

  @Test
  void pythonOrInstall_pythonWithMotoFound_usesItAndInstallsNothing(@TempDir Path home) throws IOException {
    List<String> said = new ArrayList<>();
    Path found = Path.of("/opt/python/bin/python3");

    Path python = MotoInstaller.pythonOrInstall(home, said::add, Optional.of(found), "python3");

    assertThat(python).isEqualTo(found);
    assertThat(said).isEmpty();
    assertThat(home.resolve(".local-aws")).doesNotExist();
  }

  @Test
  void pythonOrInstall_noPythonAtAll_saysWhatItTriedAndHowToGetMoto(@TempDir Path home) {
    List<String> said = new ArrayList<>();

    assertThatThrownBy(() -> MotoInstaller.pythonOrInstall(home, said::add, Optional.empty(),
        home.resolve("no-such-python3").toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("creating the virtual environment")
        .hasMessageContaining("pip install 'moto[server]==5.2.1'");
    assertThat(said).singleElement().asString()
        .startsWith("No local AWS (moto) found: installing moto[server]==5.2.1 into .local-aws");
  }
}
