package dev.endpointguard.cli;

import picocli.CommandLine;

/** Reports the version the build stamped into the jar manifest, or "development" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"endpoint-guard " + (v == null ? "development" : v)};
  }
}
