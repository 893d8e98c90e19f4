package io.groundwire.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors and failures of {@code groundwire http-server} that happen before it listens. */
class HttpServerCommandTest {
  @TempDir Path temp;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }

  @Test
  void keystoreWithoutPasswordFileIsAUsageError() {
    assertEquals(2, run("http-server", "--port", "0", "--tls-keystore", temp.resolve("k.p12").toString()));
    assertTrue(err.toString().contains("--tls-keystore and --tls-password-file go together"), err.toString());
  }

  @Test
  void portOutOfRangeIsAUsageError() {
    assertEquals(2, run("http-server", "--port", "70000"));
    assertTrue(err.toString().contains("70000"), err.toString());
  }

  @Test
  void invalidSizeIsAUsageError() {
    assertEquals(2, run("http-server", "--max-body-size", "lots"));
    assertTrue(err.toString().contains("is not a size"), err.toString());
  }

  @Test
  void durationWithoutUnitIsAUsageError() {
    assertEquals(2, run("http-server", "--expires", "30"));
    assertTrue(err.toString().contains("is not a duration"), err.toString());
  }

  @Test
  void missingRootFailsWithOneLine() {
    assertEquals(1, run("http-server", "--port", "0", "--root", temp.resolve("nope").toString()));
    assertTrue(err.toString().startsWith("http-server: --root: not a directory"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
  }
}
