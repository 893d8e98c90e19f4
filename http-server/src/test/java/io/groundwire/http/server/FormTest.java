package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** application/x-www-form-urlencoded bodies are decoded into fields. */
class FormTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .post("/form", (req, res) -> res.text(req.formParams().get("name") + "|" + req.formParams().values("tag")))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void decodesUrlEncodedFields() throws Exception {
    String body = "name=J%C3%BCrgen+M&tag=a&tag=b%26c";
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /form HTTP/1.1
          Host: localhost
          Content-Type: application/x-www-form-urlencoded
          Content-Length: %d

          """.formatted(body.length())).sendExact(body).readResponse();
      assertTrue(new String(response.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
          java.nio.charset.StandardCharsets.UTF_8).endsWith("Jürgen M|[a, b&c]"), response);
    }
  }

  @Test
  void malformedFormIs400() throws Exception {
    String body = "name=%zz";
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST /form HTTP/1.1
          Host: localhost
          Content-Type: application/x-www-form-urlencoded
          Content-Length: %d

          """.formatted(body.length())).sendExact(body).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 400 "), response);
      // the body was read whole: the connection carries the next request
      assertTrue(!response.contains("Connection: close"), response);
      String next = client.send("""
          POST /form HTTP/1.1
          Host: localhost
          Content-Type: application/x-www-form-urlencoded
          Content-Length: 6

          name=x""").readResponse();
      assertTrue(next.startsWith("HTTP/1.1 200 "), next);
    }
  }
}
