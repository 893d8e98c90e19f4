package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 9112 §2.2, §3.2: malformed requests get 400 and a closed connection; HTTP/2+ gets 505. */
class BadRequestTest {
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0).get("/*", (req, res) -> res.text("ok")).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String exchange(String request) throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      String response = client.send(request).readResponse();
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
      return response;
    }
  }

  @Test
  void garbageGets400() throws Exception {
    assertTrue(exchange("hello there\n\n").startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void aTlsHandshakeOnThePlainPortGets400AtOnce() throws Exception {
    // The client keeps its end open, as a TLS client waiting for the ServerHello does.
    byte[] clientHello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
    try (RawClient client = new RawClient(server.port()).timeout(5_000)) {
      String response = client.sendRaw(clientHello).readResponse();
      assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @Test
  void aBadRequestLineGets400BeforeTheHeaderSectionEnds() throws Exception {
    try (RawClient client = new RawClient(server.port()).timeout(5_000)) {
      String response = client.sendExact("GET / HTTP/1.1 extra\r\nHost: localhost\r\n").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 400 Bad Request"), response);
    }
  }

  @Test
  void absoluteFormWithUserinfoGets400() throws Exception {
    assertTrue(exchange("""
        GET http://user@localhost/ HTTP/1.1
        Host: localhost

        """).startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void http11WithoutHostGets400() throws Exception {
    assertTrue(exchange("""
        GET / HTTP/1.1

        """).startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void malformedPercentEscapeGets400() throws Exception {
    assertTrue(exchange("""
        GET /a%zz HTTP/1.1
        Host: localhost

        """).startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void encodedNulGets400() throws Exception {
    assertTrue(exchange("""
        GET /a%00b HTTP/1.1
        Host: localhost

        """).startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void obsFoldGets400() throws Exception {
    assertTrue(exchange("""
        GET / HTTP/1.1
        Host: localhost
        X-Folded: a
         b

        """).startsWith("HTTP/1.1 400 Bad Request"));
  }

  @Test
  void http2VersionGets505() throws Exception {
    assertTrue(exchange("""
        GET / HTTP/2.0
        Host: localhost

        """).startsWith("HTTP/1.1 505 "));
  }

  @Test
  void absoluteFormTargetIsServed() throws Exception {
    try (RawClient client = new RawClient(server.port())) {
      assertTrue(client.send("""
          GET http://localhost/x?y=1 HTTP/1.1
          Host: localhost

          """).readResponse().startsWith("HTTP/1.1 200 OK"));
    }
  }
}
