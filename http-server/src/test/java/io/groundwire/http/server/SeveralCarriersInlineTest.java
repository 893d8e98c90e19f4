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
