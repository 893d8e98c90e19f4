package io.groundwire.cli.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.echo.EchoServer;
import io.groundwire.echo.EchoServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EchoBenchCommandTest {
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
  void printsLatencyResultAsJson() {
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", port(),
        "--mode", "latency", "--duration", "200ms", "--warmup", "0s", "--json");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("{\"mode\":\"latency\""), run.out);
    assertTrue(run.out.contains("\"rttP50Micros\":"), run.out);
    assertEquals(1, run.out.lines().count(), run.out);
  }

  @Test
  void printsThroughputResultAsText() {
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", port(),
        "--connections", "2", "--duration", "200ms", "--warmup", "0s", "--size", "16k");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("echo-bench throughput: 2 connections, 16384-byte messages"), run.out);
    assertTrue(run.out.contains("MB/s"), run.out);
  }

  @Test
  void measuresUntilByteCountIsEchoed() {
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", port(), "--bytes", "1m", "--json");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.contains("\"bytes\":1048576,"), run.out);
  }

  @Test
  void rejectsUnknownModeAsUsageError() {
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", port(), "--mode", "fast");
    assertEquals(2, run.exitCode);
    assertEquals("echo-bench: --mode must be throughput or latency, not 'fast'" + System.lineSeparator(), run.err);
  }

  @Test
  void rejectsZeroConnectionsAsUsageError() {
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", port(), "--connections", "0");
    assertEquals(2, run.exitCode);
    assertEquals("echo-bench: connections must be between 1 and 4096: 0" + System.lineSeparator(), run.err);
  }

  @Test
  void reportsConnectionRefusedOnOneLine() throws Exception {
    int closed = EchoClientCommandTest.freePort();
    CommandRun run = CommandRun.run("echo-bench", "127.0.0.1", String.valueOf(closed), "--duration", "100ms");
    assertEquals(1, run.exitCode);
    assertEquals("echo-bench: connection refused by 127.0.0.1:" + closed + System.lineSeparator(), run.err);
  }

  private String port() {
    return String.valueOf(server.port());
  }
}
