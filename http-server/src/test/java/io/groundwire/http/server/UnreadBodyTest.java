package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A body the handler did not read is drained up to maxDrainSize; a larger one closes the connection. */
class UnreadBodyTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxDrainSize(100))
        .post("/ignore", (req, res) -> res.text("ignored"))
        .get("/", (req, res) -> res.text("next"))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void smallUnreadBodyIsDrainedAndTheConnectionKept() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /ignore HTTP/1.1
          Host: localhost
          Content-Length: 50

          """).sendExact("x".repeat(50)).readResponse();
      assertFalse(response.contains("Connection: close"), response);
      assertTrue(client.send("GET / HTTP/1.1\nHost: localhost\n\n").readResponse().endsWith("next"));
    }
  }

  @Test
  void largeUnreadBodyClosesTheConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /ignore HTTP/1.1
          Host: localhost
          Content-Length: 5000

          """).sendExact("x".repeat(5000)).readResponse();
      assertTrue(response.endsWith("ignored"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }
}
