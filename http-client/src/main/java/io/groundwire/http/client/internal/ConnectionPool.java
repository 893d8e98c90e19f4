package io.groundwire.http.client.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps idle keep-alive connections per {@link Address} for reuse, newest first, and tracks every
 * connection in use. At most {@code maxIdle} idle connections are kept (the longest idle is closed
 * first) and none longer than {@code keepAliveNanos}. One short lock guards the maps; sockets are
 * closed and probed outside it.
 */
public final class ConnectionPool {
  private final int maxIdle;
  private final long keepAliveNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<Address, ArrayDeque<RealConnection>> idle = new HashMap<>();
  private final Set<RealConnection> inUse = new HashSet<>();
  private int idleCount;
  private boolean closed;

  /** A pool keeping at most {@code maxIdle} idle connections, each at most {@code keepAliveNanos}. */
  public ConnectionPool(int maxIdle, long keepAliveNanos) {
    this.maxIdle = maxIdle;
    this.keepAliveNanos = keepAliveNanos;
  }

  /**
   * Takes a healthy idle connection to {@code address} and marks it in use, or returns {@code null}
   * when there is none. Unhealthy or expired candidates are closed on the way.
   */
  RealConnection acquire(Address address, long now) {
    while (true) {
      RealConnection candidate;
      lock.lock();
      try {
        ArrayDeque<RealConnection> deque = idle.get(address);
        candidate = deque == null ? null : deque.pollFirst();
        if (candidate == null) {
          return null;
        }
        idleCount--;
        inUse.add(candidate);
      } finally {
        lock.unlock();
      }
      if (now - candidate.idleSinceNanos() < keepAliveNanos && candidate.isHealthy(now)) {
        return candidate;
      }
      release(candidate, false, now);
    }
  }

  /** Registers a new connection, in use by the caller. */
  void register(RealConnection connection) {
    lock.lock();
    try {
      inUse.add(connection);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the connection's exchange: keeps it idle if {@code reusable}, otherwise closes it. */
  void release(RealConnection connection, boolean reusable, long now) {
    List<RealConnection> toClose = null;
    boolean keep = reusable && connection.reusable() && maxIdle > 0;
    lock.lock();
    try {
      if (!inUse.remove(connection)) {
        return; // already released
      }
      if (keep && !closed) {
        connection.idleSince(now);
        idle.computeIfAbsent(connection.address(), a -> new ArrayDeque<>()).addFirst(connection);
        idleCount++;
        toClose = evict(now);
      } else {
        keep = false;
      }
    } finally {
      lock.unlock();
    }
    if (!keep) {
      connection.close();
    }
    closeAll(toClose);
  }

  /** Closes idle connections past the keep-alive limit, then the oldest beyond maxIdle. Under lock. */
  private List<RealConnection> evict(long now) {
    List<RealConnection> evicted = null;
    while (idleCount > 0) {
      RealConnection oldest = longestIdle();
      if (oldest == null || (idleCount <= maxIdle && now - oldest.idleSinceNanos() < keepAliveNanos)) {
        break;
      }
      ArrayDeque<RealConnection> deque = idle.get(oldest.address());
      deque.pollLast();
      if (deque.isEmpty()) {
        idle.remove(oldest.address());
      }
      idleCount--;
      if (evicted == null) {
        evicted = new ArrayList<>();
      }
      evicted.add(oldest);
    }
    return evicted;
  }

  /** The connection idle for the longest time, or null. Under lock. */
  private RealConnection longestIdle() {
    RealConnection oldest = null;
    for (ArrayDeque<RealConnection> deque : idle.values()) {
      RealConnection last = deque.peekLast();
      if (last != null && (oldest == null || last.idleSinceNanos() - oldest.idleSinceNanos() < 0)) {
        oldest = last;
      }
    }
    return oldest;
  }

  /** Closes expired idle connections; called periodically by the watchdog. */
  void evictExpired(long now) {
    List<RealConnection> toClose;
    lock.lock();
    try {
      toClose = evict(now);
    } finally {
      lock.unlock();
    }
    closeAll(toClose);
  }

  /**
   * Nanoseconds until the longest-idle connection outlives the keep-alive (0 if it already has),
   * or -1 when no connection is idle.
   */
  long nanosUntilIdleExpiry(long now) {
    lock.lock();
    try {
      RealConnection oldest = longestIdle();
      return oldest == null ? -1 : Math.max(0, keepAliveNanos - (now - oldest.idleSinceNanos()));
    } finally {
      lock.unlock();
    }
  }

  /** The connections currently carrying an exchange (a snapshot, for the watchdog and tests). */
  List<RealConnection> inUseSnapshot() {
    lock.lock();
    try {
      return new ArrayList<>(inUse);
    } finally {
      lock.unlock();
    }
  }

  /** Number of connections carrying an exchange or holding an unread response body. */
  public int inUseCount() {
    lock.lock();
    try {
      return inUse.size();
    } finally {
      lock.unlock();
    }
  }

  /** Number of idle connections kept for reuse. */
  public int idleCount() {
    lock.lock();
    try {
      return idleCount;
    } finally {
      lock.unlock();
    }
  }

  /** Closes every idle connection and stops pooling; connections in use close when released. */
  public void shutdown() {
    List<RealConnection> toClose = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      for (ArrayDeque<RealConnection> deque : idle.values()) {
        toClose.addAll(deque);
      }
      idle.clear();
      idleCount = 0;
    } finally {
      lock.unlock();
    }
    closeAll(toClose);
  }

  /** Closes every idle connection but keeps pooling. */
  public void evictAll() {
    List<RealConnection> toClose = new ArrayList<>();
    lock.lock();
    try {
      for (Iterator<ArrayDeque<RealConnection>> it = idle.values().iterator(); it.hasNext(); ) {
        toClose.addAll(it.next());
        it.remove();
      }
      idleCount = 0;
    } finally {
      lock.unlock();
    }
    closeAll(toClose);
  }

  private static void closeAll(List<RealConnection> connections) {
    if (connections != null) {
      for (RealConnection c : connections) {
        c.close();
      }
    }
  }
}
