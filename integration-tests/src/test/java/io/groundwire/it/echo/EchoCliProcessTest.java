package io.groundwire.it.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.GroundwireCli;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The echo commands as a user runs them: one line on stderr and a non-zero exit on failure, clean shutdown on SIGTERM. */
@Timeout(120)
class EchoCliProcessTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void clientReportsConnectionRefusedOnOneLine() throws Exception {
    int port = freePort();
    RunningProcess.Result result = groundwire("echo-client", "127.0.0.1", String.valueOf(port), "--message", "x");
    assertEquals(1, result.exitCode());
    assertEquals("echo-client: connection refused by 127.0.0.1:" + port + "\n", result.stderr());
    assertEquals("", result.out());
  }

  @Test
  void clientReportsUnknownHostOnOneLine() throws Exception {
    RunningProcess.Result result = groundwire("echo-client", "no-such-host.invalid", "7007");
    assertEquals(1, result.exitCode());
    assertEquals("echo-client: unknown host: no-such-host.invalid\n", result.stderr());
  }

  @Test
  void benchReportsConnectionRefusedOnOneLine() throws Exception {
    int port = freePort();
    RunningProcess.Result result = groundwire("echo-bench", "127.0.0.1", String.valueOf(port));
    assertEquals(1, result.exitCode());
    assertEquals("echo-bench: connection refused by 127.0.0.1:" + port + "\n", result.stderr());
  }

  @Test
  void serverReportsPortInUseOnOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      RunningProcess.Result result = groundwire("echo-server", "--port", String.valueOf(taken.getLocalPort()));
      assertEquals(1, result.exitCode());
      assertEquals("echo-server: TCP port " + taken.getLocalPort() + " is already in use\n", result.stderr());
    }
  }

  @Test
  void invalidOptionIsAUsageErrorWithoutStackTrace() throws Exception {
    RunningProcess.Result result = groundwire("echo-server", "--idle-timeout", "soon");
    assertEquals(2, result.exitCode());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith("echo-server: "), result.stderr());
    assertFalse(result.stderr().contains("\tat "), result.stderr());
  }

  @Test
  void sigtermClosesServerAndConnectedClientsSeeEndOfStream() throws Exception {
    try (RunningProcess server = RunningProcess.start(GroundwireCli.command(List.of(),
        "echo-server", "--port", "0", "--close-grace", "200ms"))) {
      int port = server.awaitListeningPort(Duration.ofSeconds(30));
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        client.setSoTimeout(20_000);
        client.getOutputStream().write("before shutdown".getBytes());
        assertEquals("before shutdown", new String(client.getInputStream().readNBytes(15)));
        // SIGTERM; through the handle, because Process.destroy() also closes our end of its stderr
        server.process.toHandle().destroy();
        InputStream in = client.getInputStream();
        assertEquals(-1, in.read());
      }
      int exit = server.awaitExit(Duration.ofSeconds(20));
      String stderr = server.stderr(Duration.ofSeconds(5));
      assertEquals(143, exit); // 128 + SIGTERM, after the shutdown hook ran
      assertEquals("echo-server: closed; 1 connections accepted (0 refused), 15 bytes echoed\n", stderr);
    }
  }

  private static RunningProcess.Result groundwire(String... args) throws Exception {
    return RunningProcess.run(GroundwireCli.command(List.of(), args), new byte[0], TIMEOUT);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
