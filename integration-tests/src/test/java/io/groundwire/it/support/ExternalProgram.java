package io.groundwire.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a real program a test talks to (curl, nginx, socat, chromium...). Locally a missing program
 * skips the test with a message saying what to install; under CI ({@code CI=true}) it fails the test,
 * because {@code .ci/run} installs every program the suite needs.
 */
public final class ExternalProgram {
  private ExternalProgram() {}

  /** Returns the program's path, or skips (locally) or fails (under CI) the calling test. */
  public static Path require(String program, String debianPackage) {
    Path found = find(program);
    if (found != null) {
      return found;
    }
    String message = program + " is not installed (Debian package: " + debianPackage + ")";
    if (isCi()) {
      fail(message + "; under CI every peer must be present");
    }
    Assumptions.abort(message + "; skipping this test locally");
    throw new AssertionError("unreachable");
  }

  /** Requires root, as network namespaces do; skips locally and fails under CI without it. */
  public static void requireRoot() {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root) {
      if (isCi()) {
        fail("this test needs root (network namespaces); CI runs as root");
      }
      Assumptions.abort("this test needs root (network namespaces); skipping locally");
    }
  }

  /** True when running under CI, where a missing peer is a failure rather than a skip. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static Path find(String program) {
    String path = System.getenv().getOrDefault("PATH", "")
        + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
