package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §3: a request line over the limit is answered 414 and the connection closed. */
class RequestLineTooLongTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxRequestLineLength(100))
        .get("/*", (req, res) -> res.text("ok")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answers414ForATooLongRequestLine() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("GET /" + "a".repeat(200) + """
           HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 414 URI Too Long"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void servesARequestLineWithinTheLimit() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      assertTrue(client.send("GET /" + "a".repeat(50) + """
           HTTP/1.1
          Host: localhost

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
    }
  }
}
