package io.groundwire.http.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Run with four carrier threads ({@code -Djdk.virtualThreadScheduler.parallelism=4}, see the pom):
 * the same handlers that block on the loop's thread as in {@link OneCarrierInlineTest}, where the
 * standby is not woken for every request but looks at the holder now and then; and a handler that
 * computes without blocking, which there must not hold the loop up either.
 */
class SeveralCarriersInlineTest extends OneCarrierInlineTest {
  @Test
  void aHandlerThatBlocksAfterTheLoopLeftABusyOneDoesNotHoldUpOtherConnections() throws Exception {
    try (RawClient busy = inlineConnection(); RawClient waiting = inlineConnection()) {
      busy.send("""
          GET /busy HTTP/1.1
          Host: localhost

          """);
      othersAreServed(); // the loop has left the busy handler's thread by now
      waiting.send("""
          GET /wait HTTP/1.1
          Host: localhost

          """);
      othersAreServed();
      release.countDown();
      assertTrue(busy.readResponse().endsWith("done"));
      assertTrue(waiting.readResponse().endsWith("released"));
    }
  }

  /**
   * A kept-alive connection whose last request the loop served itself, so that it serves the next
   * one too (a connection's thread may keep a few requests before it lets go).
   */
  private RawClient inlineConnection() throws Exception {
    RawClient client = keptConnection();
    for (int i = 0; i < 50; i++) {
      String who = client.send("""
          GET /who HTTP/1.1
          Host: localhost

          """).readResponse();
      if (who.endsWith("\r\n\r\ngroundwire-http-events")) return client; // the loop's thread, or its standby's
    }
    client.close();
    throw new AssertionError("the loop never served this connection itself");
  }

  @Test
  void aHandlerComputingForLongDoesNotHoldUpOtherConnections() throws Exception {
    othersAreServedWhileBlocked("""
        GET /busy HTTP/1.1
        Host: localhost

        """, busy -> {
          release.countDown();
          assertTrue(busy.readResponse().endsWith("done"));
        });
  }
}
