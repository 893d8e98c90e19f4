package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9110 §9.3: HEAD from GET without a body, 405 with Allow, OPTIONS with Allow, 404. */
class MethodsTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .get("/thing", (req, res) -> res.text("the thing"))
        .put("/thing", (req, res) -> res.status(204))
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String exchange(String request) throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      return client.send(request).readResponse();
    }
  }

  @Test
  void headIsServedByTheGetRouteWithoutBodyButWithItsLength() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          HEAD /thing HTTP/1.1
          Host: localhost

          """).readHeadResponse();
      assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
      assertTrue(response.contains("\r\nContent-Length: 9\r\n"), response);
      // The next response must come right after the head: no body bytes in between.
      assertTrue(client.send("""
          GET /thing HTTP/1.1
          Host: localhost

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
    }
  }

  @Test
  void headRefusedBeforeRoutingGetsTheErrorWithoutABody() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          HEAD /thing HTTP/1.1
          Host: localhost
          Expect: something-else

          """);
      String response = client.readUntil("\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 417 "), response);
      assertTrue(response.contains("\r\nContent-Length: 18\r\n"), response);
      assertTrue(client.isClosedByServer(), "no body bytes may follow the head of a HEAD response");
    }
  }

  @Test
  void malformedHeadRequestGetsTheErrorWithoutABody() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      client.send("""
          HEAD /thing HTTP/1.1
          Host: localhost
          Bad Header: 1

          """);
      String response = client.readUntil("\r\n\r\n");
      assertTrue(response.startsWith("HTTP/1.1 400 "), response);
      assertTrue(client.isClosedByServer(), "no body bytes may follow the head of a HEAD response");
    }
  }

  @Test
  void unroutedMethodGets405WithAllow() throws Exception {
    String response = exchange("""
        DELETE /thing HTTP/1.1
        Host: localhost

        """);
    assertTrue(response.startsWith("HTTP/1.1 405 Method Not Allowed"), response);
    assertTrue(response.contains("\r\nAllow: GET, PUT, HEAD, OPTIONS\r\n"), response);
  }

  @Test
  void optionsListsTheAllowedMethods() throws Exception {
    String response = exchange("""
        OPTIONS /thing HTTP/1.1
        Host: localhost

        """);
    assertTrue(response.startsWith("HTTP/1.1 204 No Content"), response);
    assertTrue(response.contains("\r\nAllow: GET, PUT, HEAD, OPTIONS\r\n"), response);
    assertFalse(response.contains("Content-Length"), response);
  }

  @Test
  void optionsAsteriskIsAnswered() throws Exception {
    assertTrue(exchange("""
        OPTIONS * HTTP/1.1
        Host: localhost

        """).startsWith("HTTP/1.1 204 No Content"));
  }

  @Test
  void unknownPathGets404() throws Exception {
    String response = exchange("""
        GET /nothing HTTP/1.1
        Host: localhost

        """);
    assertTrue(response.startsWith("HTTP/1.1 404 Not Found"), response);
    assertTrue(response.endsWith("Not Found"), response);
  }
}
