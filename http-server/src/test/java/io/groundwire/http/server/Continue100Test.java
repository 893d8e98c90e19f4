package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9110 §10.1.1: "100 Continue" is sent only when the handler reads a body that asked for it. */
class Continue100Test {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .post("/read", (req, res) -> res.text("got " + req.bodyAsString()))
        .post("/refuse", (req, res) -> res.status(403).text("no"))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sendsContinueWhenTheHandlerReadsTheBody() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          POST /read HTTP/1.1
          Host: localhost
          Content-Length: 5
          Expect: 100-continue

          """);
      assertEquals("HTTP/1.1 100 Continue\r\n\r\n", client.readUntil("\r\n\r\n"));
      String response = client.sendExact("hello").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.endsWith("got hello"), response);
    }
  }

  @Test
  void answersWithoutContinueAndClosesWhenTheBodyIsNotRead() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /refuse HTTP/1.1
          Host: localhost
          Content-Length: 5
          Expect: 100-continue

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 403 Forbidden"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
    }
  }

  @Test
  void rejectsAnUnknownExpectationWith417() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /read HTTP/1.1
          Host: localhost
          Content-Length: 5
          Expect: something-else

          hello""").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 417 Expectation Failed"), response);
    }
  }
}
