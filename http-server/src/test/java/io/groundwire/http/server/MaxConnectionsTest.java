package io.groundwire.http.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection over maxConnections is answered 503 and closed; the others keep working. */
class MaxConnectionsTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxConnections(2))
        .get("/", (req, res) -> res.text("ok")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connectionOverTheLimitGets503AndIsClosed() throws Exception {
    String request = """
        GET / HTTP/1.1
        Host: localhost

        """;
    try (RawClient first = new RawClient(server.port()); RawClient second = new RawClient(server.port())) {
      assertTrue(first.send(request).readResponse().endsWith("ok"));
      assertTrue(second.send(request).readResponse().endsWith("ok"));
      try (RawClient third = new RawClient(server.port())) {
        String response = third.send(request).readResponse();
        assertTrue(response.startsWith("HTTP/1.1 503 Service Unavailable"), response);
        assertTrue(response.contains("\r\nConnection: close\r\n"), response);
        assertTrue(third.isClosedByServer());
      }
      assertTrue(first.send(request).readResponse().endsWith("ok"));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0);
    try (RawClient again = new RawClient(server.port())) {
      assertTrue(again.send(request).readResponse().endsWith("ok"));
    }
  }
}
