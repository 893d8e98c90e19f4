package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §6.3 and §11.2: ambiguous framing is rejected with 400 and the connection closed. */
class SmugglingTest {
  private HttpServer server;
  private final AtomicInteger handled = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .post("/", (req, res) -> {
          handled.incrementAndGet();
          res.text(req.bodyAsString());
        })
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void assertRejected(String request, String status) throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send(request).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 " + status), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void rejectsContentLengthTogetherWithTransferEncoding() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Content-Length: 4
        Transfer-Encoding: chunked

        0

        GET /admin HTTP/1.1
        Host: localhost

        """, "400");
    assertTrue(handled.get() == 0);
  }

  @Test
  void rejectsDifferingDuplicateContentLengths() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Content-Length: 4
        Content-Length: 5

        abcde""", "400");
  }

  @Test
  void rejectsAnUnknownTransferCodingWith501() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Transfer-Encoding: gzip, chunked

        0

        """, "501");
  }

  @Test
  void rejectsChunkedThatIsNotTheFinalCodingWith400() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Transfer-Encoding: chunked
        Transfer-Encoding: identity

        5
        hello
        0

        """, "400");
    assertTrue(handled.get() == 0);
  }

  @Test
  void rejectsAMalformedChunkSize() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Transfer-Encoding: chunked

        zz
        hello
        0

        """, "400");
  }

  @Test
  void rejectsAChunkSizeThatOverflows() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Transfer-Encoding: chunked

        10000000000000001
        a
        0

        """, "400");
  }

  @Test
  void rejectsWhitespaceBeforeTheColon() throws Exception {
    assertRejected("""
        POST / HTTP/1.1
        Host: localhost
        Content-Length : 5

        hello""", "400");
  }
}
