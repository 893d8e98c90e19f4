package io.groundwire.http.client.internal;

import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Enforces write and whole-call deadlines, which blocking sockets cannot: a daemon thread wakes
 * every {@link #TICK_MILLIS} while connections are in use, closes any whose deadline has passed,
 * and closes idle connections past their keep-alive. It stops itself after a second with nothing
 * in use (at once after {@link #shutdown()}) and is restarted by the next call, so an unused client
 * holds no thread.
 * Costs the hot path two volatile writes per socket write and nothing per read.
 */
final class Watchdog implements Runnable {
  static final long TICK_MILLIS = 25;
  private static final long IDLE_EXIT_NANOS = 1_000_000_000L;

  private final ConnectionPool pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stopped = lock.newCondition();
  private volatile boolean running;
  private boolean shutdown;

  Watchdog(ConnectionPool pool) {
    this.pool = pool;
  }

  /** Starts the thread if it is not running; cheap when it is. */
  void ensureRunning() {
    if (running) {
      return;
    }
    lock.lock();
    try {
      if (!running) { // also after shutdown: calls in progress keep their deadlines
        running = true;
        Thread thread = new Thread(this, "groundwire-http-client-watchdog");
        thread.setDaemon(true);
        thread.start();
      }
    } finally {
      lock.unlock();
    }
  }

  void shutdown() {
    lock.lock();
    try {
      shutdown = true;
      stopped.signalAll();
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
      pool.evictExpired(now);
      if (!active.isEmpty()) {
        lastBusy = now;
      }
      lock.lock();
      try {
        if (shutdown || now - lastBusy > IDLE_EXIT_NANOS) {
          running = false;
          // a call may have registered between the snapshot and here: it calls ensureRunning after
          // registering, so it either saw running == true before we cleared it (and we re-check).
          // Calls still in progress keep the watchdog, also after shutdown.
          if (pool.inUseCount() > 0) {
            running = true;
          } else {
            return;
          }
        }
        stopped.await(TICK_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        running = false;
        return;
      } finally {
        lock.unlock();
      }
    }
  }
}
