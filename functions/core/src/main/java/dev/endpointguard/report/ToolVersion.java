package dev.endpointguard.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * endpoint-guard's own version, as the build wrote it (the Maven project version, filtered into
 * {@code dev/endpointguard/report/version.properties}): the {@code tool.version} of the JSON report and what
 * {@code --version} prints.
 */
public final class ToolVersion {
  public static final String NAME = "endpoint-guard";
  private static final String RESOURCE = "/dev/endpointguard/report/version.properties";
  private static final String VERSION = read();

  private ToolVersion() {
  }

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      if (v.isEmpty() || v.startsWith("${")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build: '" + v + "'");
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
