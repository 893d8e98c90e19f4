package io.groundwire.http.client.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
  private volatile boolean running;
  /** True while the thread sleeps until an idle connection expires, rather than ticking. */
  private volatile boolean napping;
  private boolean shutdown;

  Watchdog(ConnectionPool pool) {
    this.pool = pool;
  }

  /** A socket being set up (TCP connected, TLS handshake under way) that must be done by a deadline. */
  final class Setup implements AutoCloseable {
    private final Socket socket;
    private final long endNanos;
    private volatile boolean expired;

    private Setup(Socket socket, long endNanos) {
      this.socket = socket;
      this.endNanos = endNanos;
    }

    /** True if the deadline passed and the socket was closed for it. */
    boolean expired() {
      return expired;
    }

    private void check(long now) {
      if (now - endNanos >= 0) {
        expired = true;
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
   * cannot bound a handshake that a peer dribbles out a byte at a time.
   */
  Setup watchSetup(Socket socket, long endNanos) {
    Setup setup = new Setup(socket, endNanos);
    setups.add(setup);
    ensureRunning();
    return setup;
  }

  /** Makes sure the thread is running and ticking; cheap when it is. Call after registering work. */
  void ensureRunning() {
    if (running && !napping) {
      return;
    }
    lock.lock();
    try {
      if (!running) { // also after shutdown: calls in progress keep their deadlines
        running = true;
        Thread thread = new Thread(this, "groundwire-http-client-watchdog");
        thread.setDaemon(true);
        thread.start();
      } else if (napping) {
        napping = false;
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
      napping = false;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void run() {
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
          // A call registers its connection (or setup) before it calls ensureRunning, and both
          // sides decide under this lock after the other's volatile write: either the call sees
          // running == false or napping == true and wakes or restarts the thread, or the checks
          // below see the call's work and keep ticking.
          napping = true;
          if (pool.inUseCount() > 0 || !setups.isEmpty()) {
            napping = false; // calls still in progress keep the watchdog, also after shutdown
          } else {
            long untilExpiry = pool.nanosUntilIdleExpiry(System.nanoTime());
            if (untilExpiry < 0) {
              running = false;
              napping = false;
              return;
            }
            wake.awaitNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS), untilExpiry));
            lastBusy = napping ? lastBusy : System.nanoTime(); // woken by a new call: tick again
            napping = false;
            continue;
          }
        }
        wake.await(TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        running = false;
        napping = false;
        return;
      } finally {
        lock.unlock();
      }
    }
  }
}
