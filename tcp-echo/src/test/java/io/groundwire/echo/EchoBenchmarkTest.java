package io.groundwire.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EchoBenchmarkTest {
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
  void throughputRunReportsEchoedBytesAndRates() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .connections(2).duration(Duration.ofMillis(300)).warmup(Duration.ofMillis(100)).build());
    assertEquals(BenchmarkMode.THROUGHPUT, result.mode());
    assertEquals(65_536, result.messageSize());
    assertTrue(result.bytes() > 0, result.toText());
    assertEquals(result.bytes() / 65_536, result.messages());
    double seconds = result.elapsed().toNanos() / 1e9;
    assertTrue(seconds >= 0.3 && seconds < 2, result.toText());
    assertEquals(result.bytes() / seconds / 1e6, result.megabytesPerSecond(), 0.001);
    assertTrue(server.stats().bytesIn() >= result.bytes());
  }

  @Test
  void throughputRunWithHundredsOfConnectionsMakesProgress() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .connections(300).messageSize(4096).duration(Duration.ofMillis(500)).warmup(Duration.ofMillis(200)).build());
    assertTrue(result.bytes() > 300L * 4096, result.toText());
    assertEquals(300, server.stats().accepted());
  }

  @Test
  void latencyRunReportsOrderedPercentiles() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .mode(BenchmarkMode.LATENCY).duration(Duration.ofMillis(300)).warmup(Duration.ZERO).build());
    assertEquals(64, result.messageSize());
    assertTrue(result.messages() > 10, result.toText());
    assertEquals(result.messages() * 64, result.bytes());
    EchoBenchmarkResult.RoundTrips rtt = result.roundTrips();
    assertNotNull(rtt);
    assertTrue(rtt.p50().toNanos() > 0, result.toText());
    assertTrue(rtt.p50().compareTo(rtt.p90()) <= 0, result.toText());
    assertTrue(rtt.p90().compareTo(rtt.p99()) <= 0, result.toText());
    assertTrue(rtt.p99().compareTo(rtt.p999()) <= 0, result.toText());
    assertTrue(rtt.p999().compareTo(rtt.max()) <= 0, result.toText());
    assertTrue(rtt.p50().compareTo(Duration.ofSeconds(1)) < 0, result.toText());
  }

  @Test
  void byteCountRunEchoesExactlyThatMany() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .connections(3).totalBytes(10_000_001).messageSize(4096).build());
    assertEquals(10_000_001, result.bytes());
    org.awaitility.Awaitility.await().until(() -> server.stats().active() == 0);
    assertEquals(10_000_001, server.stats().bytesOut());
  }

  @Test
  void jsonIsOneFlatObjectWithEveryField() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .mode(BenchmarkMode.LATENCY).duration(Duration.ofMillis(200)).warmup(Duration.ZERO).build());
    String json = result.toJson();
    assertTrue(json.matches("""
        \\{"mode":"latency","target":"127\\.0\\.0\\.1:\\d+","connections":1,"messageSize":64,\
        "seconds":[0-9.]+,"bytes":\\d+,"messages":\\d+,"megabytesPerSecond":[0-9.]+,\
        "messagesPerSecond":[0-9.]+,"rttP50Micros":[0-9.]+,"rttP90Micros":[0-9.]+,"rttP99Micros":[0-9.]+,\
        "rttP999Micros":[0-9.]+,"rttMaxMicros":[0-9.]+,"rttMeanMicros":[0-9.]+}"""), json);
  }

  @Test
  void throughputRunSamplesOrderedRoundTrips() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .connections(2).duration(Duration.ofMillis(300)).warmup(Duration.ofMillis(100)).build());
    EchoBenchmarkResult.RoundTrips rtt = result.roundTrips();
    assertNotNull(rtt, result.toText());
    assertTrue(rtt.p50().toNanos() > 0, result.toText());
    assertTrue(rtt.p50().compareTo(rtt.p90()) <= 0 && rtt.p90().compareTo(rtt.p99()) <= 0
        && rtt.p99().compareTo(rtt.p999()) <= 0 && rtt.p999().compareTo(rtt.max()) <= 0, result.toText());
    assertTrue(rtt.max().compareTo(result.elapsed().plusSeconds(1)) < 0, result.toText());
  }

  @Test
  void throughputJsonAndTextHaveRoundTrips() throws Exception {
    EchoBenchmarkResult result = EchoBenchmark.run("127.0.0.1", server.port(), EchoBenchmarkOptions.builder()
        .totalBytes(1_000_000).build());
    assertTrue(result.toJson().contains("\"mode\":\"throughput\""), result.toJson());
    assertTrue(result.toJson().matches(".*\"rttP50Micros\":[0-9.]+,.*\"rttMeanMicros\":[0-9.]+}"), result.toJson());
    assertTrue(result.toText().contains("throughput"), result.toText());
    assertTrue(result.toText().contains("round trip  p50 "), result.toText());
  }

  @Test
  void failsWhenNobodyListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThrows(ConnectException.class, () -> EchoBenchmark.run("127.0.0.1", port,
        EchoBenchmarkOptions.builder().duration(Duration.ofMillis(100)).build()));
  }

  @Test
  void aConnectionResetByTheServerIsReportedWithTheConnectionAndServer() throws Exception {
    try (ServerSocket resetting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        while (!resetting.isClosed()) {
          try {
            java.net.Socket socket = resetting.accept();
            socket.setSoLinger(true, 0); // close with RST
            socket.close();
          } catch (java.io.IOException e) {
            return; // closed at the end of the test
          }
        }
      });
      java.io.IOException failure = assertThrows(java.io.IOException.class,
          () -> EchoBenchmark.run("127.0.0.1", resetting.getLocalPort(), EchoBenchmarkOptions.builder()
              .duration(Duration.ofSeconds(10)).warmup(Duration.ZERO).connectTimeout(Duration.ofSeconds(2)).build()));
      assertTrue(failure.getMessage().contains("to 127.0.0.1:" + resetting.getLocalPort()), failure.getMessage());
    }
  }

  @Test
  void failsInsteadOfHangingWhenServerNeverEchoes() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try {
          silent.accept(); // accepted, never read: the benchmark must give up on its own
        } catch (java.io.IOException e) {
          // closed at the end of the test
        }
      });
      SocketTimeoutException failure = assertThrows(SocketTimeoutException.class,
          () -> EchoBenchmark.run("127.0.0.1", silent.getLocalPort(), EchoBenchmarkOptions.builder()
              .mode(BenchmarkMode.LATENCY).duration(Duration.ofSeconds(30)).warmup(Duration.ZERO)
              .connectTimeout(Duration.ofMillis(500)).build()));
      assertTrue(failure.getMessage().startsWith("no echo from 127.0.0.1:"), failure.getMessage());
    }
  }

  /** What a faulty echo server writes back for {@code n} bytes read at stream offset {@code offset}; false to write nothing. */
  private interface Fault {
    boolean echo(byte[] chunk, int n, long offset);
  }

  /** Accepts one connection on {@code server} and echoes it through {@code fault}, on a thread of its own. */
  private static void faultyEcho(ServerSocket server, Fault fault) {
    Thread.ofVirtual().start(() -> {
      try (java.net.Socket socket = server.accept()) {
        java.io.InputStream in = socket.getInputStream();
        java.io.OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[8192];
        long offset = 0;
        for (int n; (n = in.read(buffer)) > 0; offset += n) {
          if (fault.echo(buffer, n, offset)) out.write(buffer, 0, n);
        }
      } catch (java.io.IOException e) {
        // the benchmark gave up, or the test ended
      }
    });
  }

  @Test
  void aThroughputRunFailsWhenTheServerAltersAByte() throws Exception {
    try (ServerSocket corrupting = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      faultyEcho(corrupting, (chunk, n, offset) -> {
        if (offset <= 100_000 && offset + n > 100_000) chunk[(int) (100_000 - offset)] ^= 1;
        return true;
      });
      java.io.IOException failure = assertThrows(java.io.IOException.class,
          () -> EchoBenchmark.run("127.0.0.1", corrupting.getLocalPort(), EchoBenchmarkOptions.builder()
              .totalBytes(1 << 20).warmup(Duration.ZERO).build()));
      assertTrue(failure.getMessage().contains("differs from what was sent at byte 100000"), failure.getMessage());
    }
  }

  @Test
  void aServerThatStopsEchoingAfterTheWarmUpFailsTheRunInsteadOfScoringZero() throws Exception {
    try (ServerSocket stalling = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      faultyEcho(stalling, (chunk, n, offset) -> offset < 1 << 20); // echoes the first MiB, then only swallows
      SocketTimeoutException failure = assertThrows(SocketTimeoutException.class,
          () -> EchoBenchmark.run("127.0.0.1", stalling.getLocalPort(), EchoBenchmarkOptions.builder()
              .warmup(Duration.ofMillis(300)).duration(Duration.ofMillis(300)).build()));
      assertTrue(failure.getMessage().endsWith("while measuring (300ms)"), failure.getMessage());
    }
  }
}
