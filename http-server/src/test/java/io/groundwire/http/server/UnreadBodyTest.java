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

  @Test
  void theResponseDoesNotWaitForAnUnreadBodyStillOnItsWay() throws Exception {
    try (RawClient client = new RawClient(server.port()).timeout(5_000)) {
      // 40 of the 50 bytes are still to come; the body timeout (60 s) is far beyond the client's 5 s
      String response = client.send("""
          POST /ignore HTTP/1.1
          Host: localhost
          Content-Length: 50

          """).sendExact("x".repeat(10)).readResponse();
      assertTrue(response.endsWith("ignored"), response);
      assertFalse(response.contains("Connection: close"), response);
      client.sendExact("x".repeat(40)); // drained after the response; the connection goes on
      assertTrue(client.send("GET / HTTP/1.1\nHost: localhost\n\n").readResponse().endsWith("next"));
    }
  }

  @Test
  void aBodyTooLargeToDrainIsAnsweredAtOnceAndTheConnectionClosed() throws Exception {
    try (RawClient client = new RawClient(server.port()).timeout(5_000)) {
      String response = client.send("""
          POST /ignore HTTP/1.1
          Host: localhost
          Content-Length: 100000

          """).sendExact("x".repeat(10)).readResponse();
      assertTrue(response.endsWith("ignored"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void aRequestThatClosesIsAnsweredWithoutWaitingForItsBody() throws Exception {
    try (RawClient client = new RawClient(server.port()).timeout(5_000)) {
      String response = client.send("""
          POST /ignore HTTP/1.1
          Host: localhost
          Content-Length: 50
          Connection: close

          """).sendExact("x".repeat(10)).readResponse();
      assertTrue(response.endsWith("ignored"), response);
      assertTrue(client.isClosedByServer());
    }
  }
}
