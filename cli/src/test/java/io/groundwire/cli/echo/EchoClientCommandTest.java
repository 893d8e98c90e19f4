package io.groundwire.cli.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EchoClientCommandTest {
  private EchoServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = EchoServer.start(EchoServerOptions.builder().port(0).build());
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void printsTheEchoOfMessage() {
    CommandRun run = CommandRun.run("echo-client", "127.0.0.1", port(), "--message", "hello wire");
    assertEquals(0, run.exitCode, run.err);
    assertEquals("hello wire" + System.lineSeparator(), run.out);
    assertEquals("", run.err);
  }

  @Test
  void pipesStdinThroughTheServerToStdout() {
    byte[] input = new byte[3 * 1024 * 1024 + 7];
    new Random(3).nextBytes(input);
    CommandRun run = CommandRun.run(input, "echo-client", "localhost", port());
    assertEquals(0, run.exitCode, run.err);
    assertArrayEquals(input, run.stdout);
  }

  @Test
  void exitsAtOnceForEmptyStdin() {
    CommandRun run = CommandRun.run(new byte[0], "echo-client", "::1", port());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(0, run.stdout.length);
  }

  @Test
  void reportsConnectionRefusedOnOneLine() throws Exception {
    int closed = freePort();
    CommandRun run = CommandRun.run("echo-client", "127.0.0.1", String.valueOf(closed), "--message", "x");
    assertEquals(1, run.exitCode);
    assertEquals("echo-client: connection refused by 127.0.0.1:" + closed + System.lineSeparator(), run.err);
  }

  @Test
  void reportsUnknownHostOnOneLine() {
    CommandRun run = CommandRun.run("echo-client", "no-such-host.invalid", "7007", "--message", "x");
    assertEquals(1, run.exitCode);
    assertEquals("echo-client: unknown host: no-such-host.invalid" + System.lineSeparator(), run.err);
  }

  @Test
  void rejectsTimeoutWithoutUnitAsUsageError() {
    CommandRun run = CommandRun.run("echo-client", "127.0.0.1", port(), "--timeout", "5");
    assertEquals(2, run.exitCode);
    assertTrue(run.err.startsWith("echo-client: "), run.err);
    assertEquals(1, run.err.lines().count(), run.err);
  }

  @Test
  void rejectsPortOutOfRangeAsUsageError() {
    CommandRun run = CommandRun.run("echo-client", "127.0.0.1", "70000", "--message", "x");
    assertEquals(2, run.exitCode);
    assertEquals("echo-client: port must be between 1 and 65535: 70000" + System.lineSeparator(), run.err);
  }

  @Test
  void rejectsMissingPortAsUsageError() {
    CommandRun run = CommandRun.run("echo-client", "127.0.0.1");
    assertEquals(2, run.exitCode);
    assertEquals(1, run.err.lines().count(), run.err);
  }

  private String port() {
    return String.valueOf(server.port());
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
