package io.groundwire.echo.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Steps aside for threads that the scheduler queued from outside the carrier: a new conversation's
 * thread, one woken by the JDK's I/O poller or timer. Virtual threads run from the carrier's own
 * queue first, and {@link Thread#yield()} puts a busy thread back there whenever other busy
 * threads wait in it, so while every conversation has bytes waiting the shared queues are never
 * reached: on one carrier, a new connection waited for its echo until a 16-stream benchmark ended
 * (9 s). A carrier reaches the shared queues once its own queue is empty, and keeps taking from the
 * shared queue it last took from while that has tasks; so the caller parks and is woken from a
 * shared queue, alternating between a thread it starts and the JDK's timer (a 1 ns timed park), so
 * that the wake-up mostly lands in a queue other than the one the carrier is draining. Which queue a
 * carrier scans is the JDK's choice, not a promise; {@code OneCarrierFairnessTest} checks the result.
 *
 * <p>Going through a shared queue costs a wake-up of another thread (the timer's, or a carrier's),
 * so the conversations do it at most once per {@link #INTERVAL_NANOS} between them, however many
 * they are, and otherwise only yield.
 *
 * <p>One per thread; the state shared between threads is only a hint, so races on it are harmless.
 */
final class CarrierShare {
  /** How often, at most, some conversation steps aside through the shared queues. */
  static final long INTERVAL_NANOS = 1_000_000;
  private static volatile long nextShare = System.nanoTime();
  private static volatile boolean byTimer;
  private volatile boolean resumed;

  /** Yields, and now and then parks until the scheduler has run what waits in its shared queues. */
  void stepAside() {
    long now = System.nanoTime();
    if (now - nextShare < 0) {
      Thread.yield();
      return;
    }
    nextShare = now + INTERVAL_NANOS;
    boolean timer = byTimer = !byTimer;
    if (timer) {
      LockSupport.parkNanos(1);
      return;
    }
    Thread self = Thread.currentThread();
    resumed = false;
    try {
      Thread.ofVirtual().start(() -> {
        resumed = true;
        LockSupport.unpark(self);
      });
    } catch (RuntimeException refused) {
      Thread.yield(); // the scheduler is shutting down: nothing will wake us
      return;
    }
    while (!resumed) LockSupport.park(this);
  }
}
