package io.groundwire.it.echo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.it.support.ExternalProgram;
import io.groundwire.it.support.GroundwireCli;
import io.groundwire.it.support.RunningProcess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our echo pair against programs written by other people: socat and OpenBSD nc. */
@Timeout(120)
class RealPeersEchoTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void ourServerHoldsAConversationDrivenBySocat() throws Exception {
    Path socat = ExternalProgram.require("socat", "socat");
    try (RunningProcess server = startOurServer()) {
      int port = server.awaitListeningPort(Duration.ofSeconds(30));
      String conversation = """
          HELO groundwire
          every line comes back
          binary-safe: \u00e9\u00e8\u2603
          """;
      RunningProcess.Result result = RunningProcess.run(
          List.of(socat.toString(), "-", "TCP:127.0.0.1:" + port), conversation.getBytes(StandardCharsets.UTF_8), TIMEOUT);
      assertEquals(0, result.exitCode(), result.stderr());
      assertEquals(conversation, result.out());
    }
  }

  @Test
  void ourServerEchoesABinaryStreamSentByNc() throws Exception {
    Path nc = ExternalProgram.require("nc", "netcat-openbsd");
    byte[] payload = new byte[2 * 1024 * 1024];
    new Random(11).nextBytes(payload);
    try (RunningProcess server = startOurServer()) {
      int port = server.awaitListeningPort(Duration.ofSeconds(30));
      // -N: shut down the socket's output once stdin ends (half-close), then read to the end
      RunningProcess.Result result = RunningProcess.run(
          List.of(nc.toString(), "-N", "127.0.0.1", String.valueOf(port)), payload, TIMEOUT);
      assertEquals(0, result.exitCode(), result.stderr());
      assertArrayEquals(payload, result.stdout());
    }
  }

  @Test
  void ourClientTalksToSocatPipe() throws Exception {
    try (SocatEcho socat = SocatEcho.start()) {
      RunningProcess.Result result = RunningProcess.run(GroundwireCli.command(List.of(),
          "echo-client", "127.0.0.1", String.valueOf(socat.port), "--message", "hello socat"), new byte[0], TIMEOUT);
      assertEquals(0, result.exitCode(), result.stderr());
      assertEquals("hello socat\n", result.out());
    }
  }

  @Test
  void ourClientPipesABinaryStreamThroughSocatPipe() throws Exception {
    byte[] payload = new byte[2 * 1024 * 1024 + 3];
    new Random(12).nextBytes(payload);
    try (SocatEcho socat = SocatEcho.start()) {
      RunningProcess.Result result = RunningProcess.run(GroundwireCli.command(List.of(),
          "echo-client", "127.0.0.1", String.valueOf(socat.port)), payload, TIMEOUT);
      assertEquals(0, result.exitCode(), result.stderr());
      assertArrayEquals(payload, result.stdout());
    }
  }

  @Test
  void ourBenchmarkMeasuresSocatPipe() throws Exception {
    try (SocatEcho socat = SocatEcho.start()) {
      RunningProcess.Result result = RunningProcess.run(GroundwireCli.command(List.of(),
          "echo-bench", "127.0.0.1", String.valueOf(socat.port), "--connections", "2",
          "--duration", "500ms", "--warmup", "200ms", "--json"), new byte[0], TIMEOUT);
      assertEquals(0, result.exitCode(), result.stderr());
      assertTrue(result.out().startsWith("{\"mode\":\"throughput\""), result.out());
      assertTrue(!result.out().contains("\"bytes\":0,"), result.out());
    }
  }

  private static RunningProcess startOurServer() throws Exception {
    return RunningProcess.start(GroundwireCli.command(List.of(), "echo-server", "--port", "0"));
  }

  /**
   * {@code socat -b 4096 TCP-LISTEN:PORT,fork,reuseaddr PIPE}: the classic one-line echo server.
   * With socat's default 8 KiB blocks it can deadlock itself under backpressure: it blocks writing
   * a block into its own pipe that only it can drain (seen as a socat child asleep in
   * {@code anon_pipe_write}). A block of at most PIPE_BUF (4 KiB) always fits once the pipe says it
   * is writable.
   */
  static final class SocatEcho implements AutoCloseable {
    final int port;
    private final RunningProcess process;

    private SocatEcho(int port, RunningProcess process) {
      this.port = port;
      this.process = process;
    }

    static SocatEcho start() throws Exception {
      Path socat = ExternalProgram.require("socat", "socat");
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      RunningProcess process = RunningProcess.start(List.of(socat.toString(), "-b", "4096",
          "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr", "PIPE"));
      try {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
          }
        });
      } catch (RuntimeException | Error e) {
        process.close(); // never leave a socat behind when it did not come up
        throw e;
      }
      return new SocatEcho(port, process);
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
