package io.groundwire.echo.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The open conversations of a server: for the idle reaper, for counting, and for closing them all. */
public final class Conversations {
  private final Set<EchoConnection> open = ConcurrentHashMap.newKeySet();
  private final Object ended = new Object();
  /** Set by {@link #closeAll()}; guarded by {@code ended} so that no conversation slips past it. */
  private boolean closedAll;

  /**
   * Tracks a conversation about to start. Returns false, tracking nothing, once {@link #closeAll()}
   * has run: the caller must then close the connection itself instead of starting it.
   */
  public boolean add(EchoConnection connection) {
    synchronized (ended) {
      if (closedAll) {
        return false;
      }
      open.add(connection);
      return true;
    }
  }

  /** Forgets a conversation that ended and wakes whoever waits for all of them to end. */
  public void remove(EchoConnection connection) {
    open.remove(connection);
    synchronized (ended) {
      ended.notifyAll();
    }
  }

  /** The live set, iterated by the idle reaper. */
  Set<EchoConnection> open() {
    return open;
  }

  /**
   * Ends every open conversation now (their clients read end of stream) and refuses any added
   * later. A conversation added before this call is always among those ended, never missed.
   */
  public void closeAll() {
    List<EchoConnection> toClose;
    synchronized (ended) {
      closedAll = true;
      toClose = List.copyOf(open);
    }
    for (EchoConnection connection : toClose) {
      connection.close();
    }
  }

  /** Waits until no conversation is open or the time is up; false when interrupted. */
  public boolean awaitNoneOpen(long nanos) {
    long deadline = System.nanoTime() + nanos;
    synchronized (ended) {
      while (!open.isEmpty()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return true;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(ended, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }
}
