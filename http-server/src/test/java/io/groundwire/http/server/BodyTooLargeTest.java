package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9110 §15.5.14: a body over maxBodySize is answered 413 and the connection closed. */
class BodyTooLargeTest {
  private HttpServer server;
  private final AtomicBoolean handlerRan = new AtomicBoolean();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).options(o -> o.maxBodySize(100))
        .post("/", (req, res) -> {
          handlerRan.set(true);
          res.text("read " + req.bodyAsBytes().length);
        })
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void declaredLengthOverTheLimitIs413WithoutCallingTheHandler() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST / HTTP/1.1
          Host: localhost
          Content-Length: 101

          """).sendExact("x".repeat(101)).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 413 Content Too Large"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(!handlerRan.get());
    }
  }

  @Test
  void chunkedBodyGrowingOverTheLimitIs413() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST / HTTP/1.1
          Host: localhost
          Transfer-Encoding: chunked

          64
          %s
          64
          %s
          0

          """.formatted("a".repeat(100), "b".repeat(100))).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 413 Content Too Large"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
    }
  }

  @Test
  void bodyAtTheLimitIsServed() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST / HTTP/1.1
          Host: localhost
          Content-Length: 100

          """).sendExact("x".repeat(100)).readResponse();
      assertTrue(response.endsWith("read 100"), response);
    }
  }
}
