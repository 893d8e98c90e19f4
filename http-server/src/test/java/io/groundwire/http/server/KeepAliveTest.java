package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §9.3: HTTP/1.1 connections persist by default. */
class KeepAliveTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).get("/", (req, res) -> res.text("Hello, World!")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesSeveralRequestsOnOneConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      for (int i = 0; i < 3; i++) {
        String response = client.send("""
            GET / HTTP/1.1
            Host: localhost

            """).readResponse();
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nHello, World!"), response);
        assertFalse(response.contains("Connection: close"), response);
      }
    }
  }

  @Test
  void sendsDateServerAndContentLength() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET / HTTP/1.1
          Host: localhost

          """).readResponse();
      assertTrue(response.matches("(?s).*\r\nDate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n.*"), response);
      assertTrue(response.contains("\r\nServer: groundwire\r\n"), response);
      assertTrue(response.contains("\r\nContent-Length: 13\r\n"), response);
      assertTrue(response.contains("\r\nContent-Type: text/plain; charset=utf-8\r\n"), response);
    }
  }

  @Test
  void lastOfMaxRequestsPerConnectionClosesIt() throws Exception {
    server.close();
    server = HttpServer.builder().port(0).options(o -> o.maxRequestsPerConnection(2))
        .get("/", (req, res) -> res.text("hi")).start();
    try (RawClient client = new RawClient(server.port())) {
      String request = """
          GET / HTTP/1.1
          Host: localhost

          """;
      assertFalse(client.send(request).readResponse().contains("Connection: close"));
      assertTrue(client.send(request).readResponse().contains("\r\nConnection: close\r\n"));
      assertTrue(client.isClosedByServer());
    }
  }
}
