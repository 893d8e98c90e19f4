package io.groundwire.cli.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The echo-server failures that end the command at once; a running server is tested as a process. */
@Timeout(30)
class EchoServerCommandTest {
  @Test
  void reportsPortInUseOnOneLine() throws Exception {
    try (EchoServer other = EchoServer.start(EchoServerOptions.builder().port(0).build())) {
      CommandRun run = CommandRun.run("echo-server", "--port", String.valueOf(other.port()));
      assertEquals(1, run.exitCode);
      assertEquals("echo-server: TCP port " + other.port() + " is already in use" + System.lineSeparator(), run.err);
    }
  }

  @Test
  void rejectsPortOutOfRangeAsUsageError() {
    CommandRun run = CommandRun.run("echo-server", "--port", "65536");
    assertEquals(2, run.exitCode);
    assertEquals("echo-server: port must be between 0 and 65535: 65536" + System.lineSeparator(), run.err);
  }

  @Test
  void rejectsUnknownBindAddressAsUsageError() {
    CommandRun run = CommandRun.run("echo-server", "--bind", "no-such-host.invalid", "--port", "0");
    assertEquals(2, run.exitCode);
    assertEquals("echo-server: unknown bind address: no-such-host.invalid" + System.lineSeparator(), run.err);
  }

  @Test
  void rejectsABusyPollLongerThanASecondAsUsageError() {
    CommandRun run = CommandRun.run("echo-server", "--port", "0", "--busy-poll", "2s");
    assertEquals(2, run.exitCode);
    assertEquals("echo-server: busy poll must be at most 1 s: PT2S" + System.lineSeparator(), run.err);
  }

  @Test
  void helpDescribesEveryOption() {
    CommandRun run = CommandRun.run("echo-server", "--help");
    assertEquals(0, run.exitCode);
    for (String option : new String[] {"--bind", "--port", "--udp", "--max-connections", "--idle-timeout", "--busy-poll"}) {
      assertTrue(run.out.contains(option), option + " missing from:\n" + run.out);
    }
  }
}
