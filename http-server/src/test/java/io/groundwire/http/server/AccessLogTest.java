package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One line per request in nginx's combined format, to any sink or a file. */
class AccessLogTest {
  private static final String COMBINED =
      "127\\.0\\.0\\.1 - - \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] \"%s\" %d %d \"%s\" \"%s\"";

  @TempDir Path dir;

  @Test
  void writesCombinedFormatLines() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (HttpServer server = HttpServer.builder().port(0).options(o -> o.accessLog(lines::add))
        .get("/hello", (req, res) -> res.text("Hello, World!")).start();
        RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /hello?x=1 HTTP/1.1
          Host: localhost
          Referer: http://example.com/
          User-Agent: test "agent"

          """).readResponse();
      client.send("GET /missing HTTP/1.1\nHost: localhost\n\n").readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 2);
    }
    assertTrue(lines.get(0).matches(COMBINED.formatted("GET /hello\\?x=1 HTTP/1\\.1", 200, 13,
        "http://example\\.com/", "test \\\\x22agent\\\\x22")), lines.get(0));
    assertTrue(lines.get(1).matches(COMBINED.formatted("GET /missing HTTP/1\\.1", 404, 9, "-", "-")), lines.get(1));
  }

  @Test
  void namesAnIpv6ClientAsNginxDoes() throws Exception {
    InetAddress loopback6 = InetAddress.getByName("::1");
    Assumptions.assumeTrue(canListenOn(loopback6), "no IPv6 loopback here");
    List<String> lines = new CopyOnWriteArrayList<>();
    try (HttpServer server = HttpServer.builder().port(0).options(o -> o.accessLog(lines::add))
        .get("/", (req, res) -> res.text("ok")).start();
        RawClient client = new RawClient(new Socket(loopback6, server.port()))) {
      client.send("GET / HTTP/1.1\nHost: [::1]\n\n").readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
    }
    assertTrue(lines.get(0).startsWith("::1 - - ["), lines.get(0)); // not 0:0:0:0:0:0:0:1
  }

  private static boolean canListenOn(InetAddress address) {
    try (ServerSocket probe = new ServerSocket(0, 1, address)) {
      return probe.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void logsRejectedRequestsToo() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (HttpServer server = HttpServer.builder().port(0).options(o -> o.accessLog(lines::add))
        .get("/", (req, res) -> res.text("ok")).start();
        RawClient client = new RawClient(server.port())) {
      client.send("GET / HTTP/1.1\n\n").readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
    }
    // the line was valid (the Host header was missing), so the log names it, as nginx's does
    assertTrue(lines.get(0).contains("\"GET / HTTP/1.1\" 400 "), lines.get(0));
  }

  @Test
  void toLoggerSendsEachLineAtInfoToTheNamedSystemLogger() throws Exception {
    try (LogCapture log = new LogCapture("test.groundwire.access");
        HttpServer server = HttpServer.builder().port(0)
            .options(o -> o.accessLog(AccessLog.toLogger("test.groundwire.access")))
            .get("/hello", (req, res) -> res.text("Hello, World!")).start();
        RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /hello HTTP/1.1
          Host: localhost

          """).readResponse();
      await().atMost(Duration.ofSeconds(5)).until(() -> log.records.size() == 1);
      assertEquals(java.util.logging.Level.INFO, log.records.get(0).getLevel());
      String line = log.messages().get(0);
      assertTrue(line.matches(COMBINED.formatted("GET /hello HTTP/1\\.1", 200, 13, "-", "-")), line);
    }
  }

  @Test
  void appendsToAFile() throws Exception {
    Path file = dir.resolve("access.log");
    try (HttpServer server = HttpServer.builder().port(0).options(o -> {
          try {
            o.accessLog(AccessLog.toFile(file));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        })
        .get("/", (req, res) -> res.text("ok")).start();
        RawClient client = new RawClient(server.port())) {
      client.send("GET / HTTP/1.1\nHost: localhost\n\n").readResponse();
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(1, lines.size());
    assertTrue(lines.get(0).matches(COMBINED.formatted("GET / HTTP/1\\.1", 200, 2, "-", "-")), lines.get(0));
  }
}
