package io.groundwire.http.server.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the event loop waits before its next poll: the decision alone, on a clock the test moves. */
class PollPacerTest {
  private static final long MS = 1_000_000;
  private static final long CHEAP_TURN = 3_000; // a hello world on this machine: about 3 µs a request

  /** Serves {@code connections} distinct connections once each within the first window, then ends it. */
  private static PollPacer afterServing(int connections) {
    PollPacer pacer = new PollPacer(0);
    for (int c = 0; c < connections; c++) pacer.served(-1);
    pacer.shouldWait(1, CHEAP_TURN, MS); // the window ends: these become the active connections
    return pacer;
  }

  @Test
  void waitsAfterAFewCheapRequestsAmongManyActiveConnections() {
    PollPacer pacer = afterServing(64);
    assertTrue(pacer.shouldWait(6, 6 * CHEAP_TURN, MS + 1));
  }

  @Test
  void doesNotWaitWhenAQuarterOfTheActiveConnectionsWereReady() {
    PollPacer pacer = afterServing(64);
    assertFalse(pacer.shouldWait(16, 16 * CHEAP_TURN, MS + 1));
    pacer = afterServing(40);
    assertFalse(pacer.shouldWait(10, 10 * CHEAP_TURN, MS + 1));
    assertTrue(pacer.shouldWait(9, 9 * CHEAP_TURN, MS + 2));
  }

  @Test
  void neverWaitsWithFewConnections() {
    PollPacer pacer = afterServing(4);
    assertFalse(pacer.shouldWait(1, CHEAP_TURN, MS + 1));
  }

  @Test
  void waitsAtMostUntilSixteenAreReadyHoweverManyConnectionsAreActive() {
    PollPacer pacer = afterServing(1_000);
    assertTrue(pacer.shouldWait(15, 15 * CHEAP_TURN, MS + 1));
    assertFalse(pacer.shouldWait(16, 16 * CHEAP_TURN, MS + 2));
  }

  @Test
  void doesNotWaitAfterRequestsThatTookLongToServe() {
    PollPacer pacer = afterServing(64);
    assertFalse(pacer.shouldWait(5, 5 * PollPacer.CHEAP_NANOS, MS + 1));
    assertTrue(pacer.shouldWait(5, 5 * PollPacer.CHEAP_NANOS - 1, MS + 2));
  }

  @Test
  void doesNotWaitAfterAPollThatFoundNoConnection() {
    PollPacer pacer = afterServing(64);
    assertFalse(pacer.shouldWait(0, 0, MS + 1)); // e.g. only a new connection to accept
  }

  @Test
  void countsAConnectionOnceAWindowHoweverOftenItIsServed() {
    PollPacer pacer = new PollPacer(0);
    int window = -1;
    for (int request = 0; request < 200; request++) window = pacer.served(window); // one connection, 200 requests
    pacer.shouldWait(1, CHEAP_TURN, MS);
    assertFalse(pacer.shouldWait(1, CHEAP_TURN, MS + 1));
  }

  @Test
  void countsOnlyTheConnectionsOfTheLastFullWindow() {
    PollPacer pacer = afterServing(64);
    pacer.shouldWait(1, CHEAP_TURN, 2 * MS); // a window in which nothing was served
    assertFalse(pacer.shouldWait(6, 6 * CHEAP_TURN, 2 * MS + 1));
  }

  @Test
  void forgetsTheLoadWhenTheLoopGoesIdle() {
    PollPacer pacer = afterServing(64);
    pacer.idle(MS + 1);
    assertFalse(pacer.shouldWait(6, 6 * CHEAP_TURN, MS + 2));
  }
}
