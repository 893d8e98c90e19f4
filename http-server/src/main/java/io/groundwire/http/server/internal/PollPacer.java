package io.groundwire.http.server.internal;

/**
 * Decides when a busy {@link EventLoop} waits a little before it polls again, so that requests
 * gather into larger batches, as they do for a server that blocks in its poll.
 *
 * <p>A loop that polls again at once after serving a few cheap requests takes every request the
 * moment it arrives. Measured with 64 kept-alive connections and the client saturating the other
 * core, that made the exchange dearer for both sides: waiting 20 µs after each such turn raised the
 * rate by 3-6 %, while waiting until 20 or 40 µs after the previous poll did not help. The wait
 * only pays when many connections are active and few were ready, and only for cheap requests:
 *
 * <ul>
 *   <li>With few connections (4 or 16) a fixed wait after every turn cost up to half the rate, so
 *       the loop waits only when a poll found fewer than a quarter of the connections it served in
 *       the last millisecond, and fewer than {@value #FEW}.
 *   <li>A turn whose requests took {@value #CHEAP_NANOS} ns or more each on average is never
 *       followed by a wait: there the exchange is a small part of the cost, and the wait would be
 *       time lost with requests queued.
 * </ul>
 *
 * <p>Only the loop's holder calls it; it holds no lock and does not fail.
 */
final class PollPacer {
  /** How long the loop waits after a turn that found few cheap requests. */
  static final long WAIT_NANOS = 20_000;
  /** A poll that found at least this many connections ready is never followed by a wait. */
  static final int FEW = 16;
  /** Requests that took this long on average are never followed by a wait. */
  static final long CHEAP_NANOS = 10_000;
  /** The window over which connections served count as active. */
  private static final long WINDOW_NANOS = 1_000_000;

  private int window; // counts windows from 0; a connection keeps the last one it was served in
  private int active; // connections served in the last full window
  private int activeNow; // in the current one so far
  private long windowEnd;

  PollPacer(long now) {
    this.windowEnd = now + WINDOW_NANOS;
  }

  /**
   * Notes that the loop took up a connection's next request, counting each connection once a
   * window: {@code lastWindow} is what this method returned for the connection last time (any
   * negative number the first time), and the caller keeps the result with the connection.
   */
  int served(int lastWindow) {
    if (lastWindow != window) activeNow++;
    return window;
  }

  /**
   * Whether the loop should wait {@link #WAIT_NANOS} before it polls again, after a turn that found
   * {@code ready} connections ready and took {@code turnNanos} to serve them; {@code now} is the
   * time the turn ended.
   */
  boolean shouldWait(int ready, long turnNanos, long now) {
    if (now - windowEnd >= 0) {
      active = activeNow;
      activeNow = 0;
      window = next(window);
      windowEnd = now + WINDOW_NANOS;
    }
    return ready > 0 && ready < Math.min(FEW, active / 4) && turnNanos < CHEAP_NANOS * ready;
  }

  /** The loop is about to park: what it served before says nothing about the load when it wakes. */
  void idle(long now) {
    active = 0;
    activeNow = 0;
    window = next(window);
    windowEnd = now + WINDOW_NANOS;
  }

  private static int next(int window) {
    return (window + 1) & Integer.MAX_VALUE; // never negative, so a new connection's -1 never matches
  }
}
