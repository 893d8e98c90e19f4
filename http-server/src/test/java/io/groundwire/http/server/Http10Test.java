package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §9.3 and Appendix C.2.2: HTTP/1.0 closes by default and persists with "keep-alive". */
class Http10Test {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .get("/", (req, res) -> res.text("hi"))
        .get("/stream", (req, res) -> res.stream(new ByteArrayInputStream("streamed".getBytes()), -1))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void http10WithoutKeepAliveIsAnsweredAndClosed() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET / HTTP/1.0

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(response.endsWith("hi"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void http10WithKeepAliveStaysOpen() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      for (int i = 0; i < 2; i++) {
        String response = client.send("""
            GET / HTTP/1.0
            Connection: keep-alive

            """).readResponse();
        assertTrue(response.contains("\r\nConnection: keep-alive\r\n"), response);
        assertTrue(response.contains("\r\nContent-Length: 2\r\n"), response);
      }
      client.timeout(300);
      assertFalse(client.isClosedByServer());
    }
  }

  @Test
  void http10BodyOfUnknownLengthEndsWithTheConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET /stream HTTP/1.0
          Connection: keep-alive

          """).readResponse();
      assertFalse(response.contains("Transfer-Encoding"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(response.endsWith("\r\n\r\nstreamed"), response);
    }
  }
}
