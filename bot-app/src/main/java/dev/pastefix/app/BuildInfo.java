package dev.pastefix.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version of pastefix and the commit it was built from, as the build recorded them (the jar's
 * manifest carries the same); {@code unknown} where the build could not tell, such as a build from
 * a source archive without {@code .git}.
 */
record BuildInfo(String version, String commit) {
  static final String UNKNOWN = "unknown";

  private static final String RESOURCE = "build-info.properties";

  BuildInfo {
    version = known(version);
    commit = known(commit);
  }

  /** This build's. */
  static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
    }
    return new BuildInfo(properties.getProperty("version"), properties.getProperty("commit"));
  }

  /** What {@code pastefix --version} prints and the start-up line names. */
  String describe() {
    return "pastefix " + version + " (commit " + commit + ")";
  }

  /** What picocli prints for {@code pastefix --version}. */
  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {current().describe()};
    }
  }

  // An expression the build did not fill in stays as "${...}": say so rather than print it.
  private static String known(String value) {
    String v = Objects.requireNonNullElse(value, "").trim();
    return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
  }
}
