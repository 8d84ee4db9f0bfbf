package dev.endpointguard.cli;

import dev.endpointguard.report.ToolVersion;
import picocli.CommandLine;

/** {@code --version}: the version the build wrote, the same one the JSON report's {@code tool.version} carries. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
  }
}
