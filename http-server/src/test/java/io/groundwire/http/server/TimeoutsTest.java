package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 9110 §15.5.9: a client too slow to send its head or body gets 408 and a closed connection; an
 * idle keep-alive connection is closed silently (nginx client_header_timeout, client_body_timeout,
 * keepalive_timeout). Each engine starts its clocks its own way, so each is checked.
 */
class TimeoutsTest {
  private static HttpServer start(Engine engine) throws Exception {
    return HttpServer.builder().port(0)
        .options(o -> o.engine(engine).headerTimeout(Duration.ofMillis(300))
            .bodyTimeout(Duration.ofMillis(300)).idleTimeout(Duration.ofMillis(300)))
        .get("/", (req, res) -> res.text("ok"))
        .post("/", (req, res) -> res.text("read " + req.bodyAsString()))
        .start();
  }

  private static void assertServed(RawClient client) throws Exception {
    assertTrue(client.send("""
        GET / HTTP/1.1
        Host: localhost

        """).readResponse().endsWith("ok"));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void headSentTooSlowlyGets408(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      String response = client.sendExact("GET / HTTP/1.1\r\nHost: loc").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout"), response);
      assertTrue(response.contains("\r\nConnection: close\r\n"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void secondHeadSentTooSlowlyOnAKeptConnectionGets408(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      assertServed(client);
      String response = client.sendExact("GET / HTTP/1.1\r\nHost: loc").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pipelinedHeadThatStallsAfterAHeldResponseGets408(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      // The first response waits for the pipelined one; reading the rest of the second head sends
      // it, and that read must still be timed as a head, not as the write before it.
      client.sendExact("GET / HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: loc");
      assertTrue(client.readResponse().endsWith("ok"));
      String response = client.readResponse();
      assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void bodySentTooSlowlyGets408(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      String response = client.send("""
          POST / HTTP/1.1
          Host: localhost
          Content-Length: 10

          12345""").readResponse();
      assertTrue(response.startsWith("HTTP/1.1 408 Request Timeout"), response);
      assertTrue(client.isClosedByServer());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void idleKeepAliveConnectionIsClosedWithoutAResponse(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      assertServed(client);
      assertTrue(client.isClosedByServer());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void connectionThatNeverSendsIsClosed(Engine engine) throws Exception {
    try (HttpServer server = start(engine); RawClient client = new RawClient(server.port())) {
      // No bytes at all: nothing to answer, the header timeout just closes (as nginx does).
      assertTrue(client.isClosedByServer());
    }
  }
}
