package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §9.3.2: pipelined requests are answered in the order they were received. */
class PipeliningTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .get("/{n}", (req, res) -> res.text("response " + req.pathParam("n")))
        .post("/echo", (req, res) -> res.text("echo " + req.bodyAsString()))
        .get("/broken-file", (req, res) -> res.file(java.nio.file.Path.of("/nonexistent/file"), 0, 10))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /1 HTTP/1.1
          Host: localhost

          POST /echo HTTP/1.1
          Host: localhost
          Content-Length: 5

          helloGET /3 HTTP/1.1
          Host: localhost

          """);
      assertTrue(client.readResponse().endsWith("response 1"));
      assertTrue(client.readResponse().endsWith("echo hello"));
      assertTrue(client.readResponse().endsWith("response 3"));
    }
  }

  @Test
  void earlierPipelinedResponsesSurviveALaterFailingBody() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          GET /1 HTTP/1.1
          Host: localhost

          GET /broken-file HTTP/1.1
          Host: localhost

          """);
      assertTrue(client.readResponse().endsWith("response 1"));
      String failed = client.readResponse();
      assertTrue(failed.startsWith("HTTP/1.1 500 "), failed);
      assertTrue(failed.contains("\r\nConnection: close\r\n"), failed);
    }
  }
}
