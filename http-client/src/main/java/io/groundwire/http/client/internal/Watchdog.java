package io.groundwire.http.client.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces the time limits that blocking sockets cannot: a daemon thread wakes every
 * {@link #TICK_MILLIS} while connections are in use or being set up, and closes any whose deadline
 * has passed (write, read, whole call, or the TLS handshake as a whole). With nothing in use it
 * sleeps until the oldest idle connection outlives its keep-alive and closes it; with nothing
 * pooled either it stops, a second after the last call (at once after {@link #shutdown()}), and
 * the next call starts it again, so an unused client holds no thread.
 * Costs the hot path two volatile writes per socket write and nothing per read.
 */
final class Watchdog implements Runnable {
  static final long TICK_MILLIS = 25;
  private static final long IDLE_EXIT_NANOS = 1_000_000_000L;

  private final ConnectionPool pool;
  private final Set<Setup> setups = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  /** One volatile state, read once by callers: two flags could be seen half-updated. */
  private volatile int state = STOPPED;
  private static final int STOPPED = 0;
  private static final int TICKING = 1;
  /** Sleeping until an idle connection expires; a new call must wake it to tick again. */
  private static final int NAPPING = 2;
  private boolean shutdown;

  Watchdog(ConnectionPool pool) {
    this.pool = pool;
  }

  /**
   * A socket being set up (TCP connected, TLS handshake under way) that must be done by a deadline.
   * Exactly one of {@link #finish()} (by the connecting thread) and the watchdog's expiry wins.
   */
  final class Setup implements AutoCloseable {
    private static final int PENDING = 0;
    private static final int FINISHED = 1;
    private static final int EXPIRED = 2;
    private final Socket socket;
    private final long endNanos;
    private final AtomicInteger outcome = new AtomicInteger(PENDING);

    private Setup(Socket socket, long endNanos) {
      this.socket = socket;
      this.endNanos = endNanos;
    }

    /** Claims the setup as done in time; false if the deadline closed the socket first. */
    boolean finish() {
      return outcome.compareAndSet(PENDING, FINISHED) || outcome.get() == FINISHED;
    }

    /** True if the deadline passed and the socket was closed for it. */
    boolean expired() {
      return outcome.get() == EXPIRED;
    }

    private void check(long now) {
      if (now - endNanos >= 0 && outcome.compareAndSet(PENDING, EXPIRED)) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // the blocked handshake fails either way
        }
      }
    }

    /** Ends the watch: the setup finished, or failed on its own. */
    @Override
    public void close() {
      setups.remove(this);
    }
  }

  /**
   * Closes {@code socket} if it is still being set up at {@code endNanos}: per-read socket timeouts
   * cannot bound a handshake that a peer dribbles out a byte at a time. Give the plain TCP socket:
   * closing it never blocks, where closing a TLS socket first writes an alert under its lock.
   */
  Setup watchSetup(Socket socket, long endNanos) {
    Setup setup = new Setup(socket, endNanos);
    setups.add(setup);
    ensureRunning();
    return setup;
  }

  /** Makes sure the thread is running and ticking; cheap when it is. Call after registering work. */
  void ensureRunning() {
    if (state == TICKING) {
      return;
    }
    lock.lock();
    try {
      if (state == STOPPED) { // also after shutdown: calls in progress keep their deadlines
        state = TICKING;
        Thread thread = new Thread(this, "groundwire-http-client-watchdog");
        thread.setDaemon(true);
        thread.start();
      } else if (state == NAPPING) {
        state = TICKING;
        wake.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the thread so that it notices closed pools and stops once nothing is in use. */
  void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      if (state == NAPPING) {
        state = TICKING;
      }
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void run() {
    boolean stoppedCleanly = false;
    try {
      watch();
      stoppedCleanly = true;
    } finally {
      if (!stoppedCleanly) { // an unexpected error: let the next call start a new thread
        lock.lock();
        try {
          state = STOPPED;
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private void watch() {
    long lastBusy = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      List<RealConnection> active = pool.inUseSnapshot();
      for (RealConnection connection : active) {
        connection.checkDeadlines(now);
      }
      for (Setup setup : setups) {
        setup.check(now);
      }
      pool.evictExpired(now);
      if (!active.isEmpty() || !setups.isEmpty()) {
        lastBusy = now;
      }
      lock.lock();
      try {
        if (shutdown || now - lastBusy > IDLE_EXIT_NANOS) {
          // A call registers its connection (or setup), then reads the state once. The state
          // leaves TICKING before the checks below, so either the call reads TICKING and these
          // checks see its work, or it reads NAPPING or STOPPED and wakes or restarts the thread.
          state = NAPPING;
          if (pool.inUseCount() > 0 || !setups.isEmpty()) {
            state = TICKING; // calls still in progress keep the watchdog, also after shutdown
          } else {
            long untilExpiry = pool.nanosUntilIdleExpiry(System.nanoTime());
            if (untilExpiry < 0) {
              state = STOPPED;
              return;
            }
            wake.awaitNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS), untilExpiry));
            if (state == TICKING) {
              lastBusy = System.nanoTime(); // woken by a new call: tick for it
            }
            state = TICKING; // until the next decision, callers need not wake us
            continue;
          }
        }
        wake.await(TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        state = STOPPED;
        return;
      } finally {
        lock.unlock();
      }
    }
  }
}
