package io.groundwire.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code groundwire.jar} (built by the cli module before these tests run) as a separate
 * process, the way a user would run it. Callers own the process and must destroy it.
 */
public final class GroundwireCli {
  private GroundwireCli() {}

  /** The built jar; fails clearly when the cli module has not been packaged. */
  public static Path jar() {
    String configured = System.getProperty("groundwire.jar");
    Path jar = configured != null ? Path.of(configured) : Path.of("../cli/target/groundwire.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " is missing: run the tests with 'mvn verify' so cli is packaged first");
    }
    return jar.toAbsolutePath().normalize();
  }

  /** The java binary of the JVM running the tests (a JDK 21+, chosen by the build's toolchain). */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The command line that runs {@code groundwire ARGS...}, optionally prefixed (e.g. by {@code ip netns exec NS}). */
  public static List<String> command(List<String> prefix, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(java().toString());
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Starts {@code groundwire ARGS...} with stderr kept apart from stdout. */
  public static Process start(String... args) throws IOException {
    return new ProcessBuilder(command(List.of(), args)).start();
  }
}
