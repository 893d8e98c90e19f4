package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §9.6: "Connection: close" from either side ends the connection after the response. */
class ConnectionCloseTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .get("/", (req, res) -> res.text("hi"))
        .get("/bye", (req, res) -> res.closeConnection().text("bye"))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void clientCloseIsAnsweredWithCloseAndTheConnectionEnds() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET / HTTP/1.1
          Host: localhost
          Connection: close

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(response.endsWith("hi"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void handlerAskingToCloseSendsCloseAndEndsTheConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET /bye HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }
}
