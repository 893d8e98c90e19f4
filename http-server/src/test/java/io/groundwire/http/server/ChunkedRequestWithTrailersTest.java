package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §7.1: a chunked request body, with extensions and trailers, reaches the handler whole. */
class ChunkedRequestWithTrailersTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .post("/echo", (req, res) -> res.text(req.contentLength() + ":" + req.bodyAsString()))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsChunkedBodyWithExtensionsAndTrailersAndKeepsTheConnection() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /echo HTTP/1.1
          Host: localhost
          Transfer-Encoding: chunked

          5;name=value
          hello
          7
          , world
          0
          Checksum: abc

          """).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.endsWith("-1:hello, world"), response);
      assertTrue(client.send("""
          POST /echo HTTP/1.1
          Host: localhost
          Content-Length: 2

          ok""").readResponse().endsWith("2:ok"));
    }
  }
}
