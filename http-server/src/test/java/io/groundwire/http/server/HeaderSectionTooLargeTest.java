package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 6585 §5: a header section over the limits is answered 431 and the connection closed. */
class HeaderSectionTooLargeTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxHeaderSize(1024).maxHeaderCount(10))
        .get("/", (req, res) -> res.text("ok")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answers431ForTooManyHeaderBytes() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          GET / HTTP/1.1
          Host: localhost
          Cookie: %s

          """.formatted("x".repeat(2000))).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 431 "), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
    }
  }

  @Test
  void answers431ForTooManyFields() throws Exception {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < 20; i++) fields.append("X-Field-").append(i).append(": v\n");
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("GET / HTTP/1.1\nHost: localhost\n" + fields + "\n").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 431 "), response);
    }
  }
}
