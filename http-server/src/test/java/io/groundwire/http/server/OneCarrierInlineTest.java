package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}, see the pom):
 * {@link Engine#EVENT_LOOP} serves a kept-alive connection's next request on the loop's own
 * thread, and a handler that then blocks, whether on a lock, on a request body still on its way or
 * on a full socket, must not stop the loop from serving every other connection meanwhile.
 */
class OneCarrierInlineTest {
  private static final byte[] BIG = new byte[8 << 20];
  private static final String HELLO = """
      GET / HTTP/1.1
      Host: localhost

      """;

  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("hello"))
        .get("/wait", (req, res) -> res.text(release.await(30, TimeUnit.SECONDS) ? "released" : "timed out"))
        .get("/big", (req, res) -> res.body(BIG))
        .post("/echo", (req, res) -> res.text(req.bodyAsString()))
        .start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  /** A kept-alive connection that has been served once: its next request is served inline. */
  private RawClient keptConnection() throws Exception {
    RawClient client = new RawClient(server.port()).timeout(10_000);
    assertTrue(client.send(HELLO).readResponse().endsWith("hello"));
    return client;
  }

  /** Another kept-alive connection and a new one are both answered. */
  private void othersAreServed() throws Exception {
    try (RawClient kept = keptConnection(); RawClient fresh = new RawClient(server.port()).timeout(10_000)) {
      assertTrue(kept.send(HELLO).readResponse().endsWith("hello"));
      assertTrue(fresh.send(HELLO).readResponse().endsWith("hello"));
    }
  }

  @Test
  void aHandlerWaitingOnALockDoesNotHoldUpOtherConnections() throws Exception {
    try (RawClient blocked = keptConnection()) {
      blocked.send("""
          GET /wait HTTP/1.1
          Host: localhost

          """);
      othersAreServed();
      release.countDown();
      assertTrue(blocked.readResponse().endsWith("released"));
      assertTrue(blocked.send(HELLO).readResponse().endsWith("hello"), "the connection stays usable");
    }
  }

  @Test
  void aRequestBodyStillOnItsWayDoesNotHoldUpOtherConnections() throws Exception {
    try (RawClient slow = keptConnection()) {
      slow.send("""
          POST /echo HTTP/1.1
          Host: localhost
          Content-Length: 5

          """);
      othersAreServed();
      slow.sendExact("later");
      assertTrue(slow.readResponse().endsWith("\r\n\r\nlater"));
      assertTrue(slow.send(HELLO).readResponse().endsWith("hello"), "the connection stays usable");
    }
  }

  @Test
  void aResponseTheClientDoesNotReadYetDoesNotHoldUpOtherConnections() throws Exception {
    try (RawClient stalled = keptConnection()) {
      stalled.send("""
          GET /big HTTP/1.1
          Host: localhost

          """);
      othersAreServed();
      String head = stalled.readUntil("\r\n\r\n");
      assertTrue(head.contains("\r\nContent-Length: " + BIG.length + "\r\n"), head);
      assertEquals(BIG.length, stalled.readBytes(BIG.length).length);
      assertTrue(stalled.send(HELLO).readResponse().endsWith("hello"), "the connection stays usable");
    }
  }
}
