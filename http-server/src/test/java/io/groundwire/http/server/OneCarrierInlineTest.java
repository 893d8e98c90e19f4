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

  final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.builder().port(0)
        .options(o -> o.engine(Engine.EVENT_LOOP))
        .get("/", (req, res) -> res.text("hello"))
        .get("/wait", (req, res) -> res.text(release.await(30, TimeUnit.SECONDS) ? "released" : "timed out"))
        .get("/big", (req, res) -> res.body(BIG))
        .post("/echo", (req, res) -> res.text(req.bodyAsString()))
        .get("/who", (req, res) -> res.text(Thread.currentThread().getName()))
        .get("/busy", (req, res) -> { // computes until released, without blocking
          while (release.getCount() > 0) Thread.onSpinWait();
          res.text("done");
        })
        .start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  /** A kept-alive connection that has been served once: its next request is served inline. */
  RawClient keptConnection() throws Exception {
    RawClient client = new RawClient(server.port()).timeout(10_000);
    assertTrue(client.send(HELLO).readResponse().endsWith("hello"));
    return client;
  }

  /** Another kept-alive connection and a new one are both answered. */
  void othersAreServed() throws Exception {
    try (RawClient kept = keptConnection(); RawClient fresh = new RawClient(server.port()).timeout(10_000)) {
      assertTrue(kept.send(HELLO).readResponse().endsWith("hello"));
      assertTrue(fresh.send(HELLO).readResponse().endsWith("hello"));
    }
  }

  /** What a test does once the other connections were served: unblocks the handler and checks its response. */
  interface Finish {
    void run(RawClient blocked) throws Exception;
  }

  /**
   * Sends {@code request} on a kept-alive connection, whose handler then blocks on the loop's
   * thread; checks that other connections are served meanwhile, then finishes, and checks that the
   * connection is still usable.
   */
  void othersAreServedWhileBlocked(String request, Finish finish) throws Exception {
    try (RawClient blocked = keptConnection()) {
      blocked.send(request);
      othersAreServed();
      finish.run(blocked);
      assertTrue(blocked.send(HELLO).readResponse().endsWith("hello"), "the connection stays usable");
    }
  }

  @Test
  void aHandlerWaitingOnALockDoesNotHoldUpOtherConnections() throws Exception {
    othersAreServedWhileBlocked("""
        GET /wait HTTP/1.1
        Host: localhost

        """, blocked -> {
          release.countDown();
          assertTrue(blocked.readResponse().endsWith("released"));
        });
  }

  @Test
  void aRequestBodyStillOnItsWayDoesNotHoldUpOtherConnections() throws Exception {
    othersAreServedWhileBlocked("""
        POST /echo HTTP/1.1
        Host: localhost
        Content-Length: 5

        """, blocked -> {
          blocked.sendExact("later");
          assertTrue(blocked.readResponse().endsWith("\r\n\r\nlater"));
        });
  }

  @Test
  void aResponseTheClientDoesNotReadYetDoesNotHoldUpOtherConnections() throws Exception {
    othersAreServedWhileBlocked("""
        GET /big HTTP/1.1
        Host: localhost

        """, blocked -> {
          String head = blocked.readUntil("\r\n\r\n");
          assertTrue(head.contains("\r\nContent-Length: " + BIG.length + "\r\n"), head);
          assertEquals(BIG.length, blocked.readBytes(BIG.length).length);
        });
  }
}
