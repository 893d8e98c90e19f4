package io.groundwire.echo.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The open conversations of a server: for the idle reaper, for counting, and for closing them all. */
public final class Conversations {
  private final Set<EchoConnection> open = ConcurrentHashMap.newKeySet();
  private final Object ended = new Object();

  /** Tracks a conversation that just started. */
  public void add(EchoConnection connection) {
    open.add(connection);
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

  /** Ends every open conversation now; their clients read end of stream. */
  public void closeAll() {
    for (EchoConnection connection : open) {
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
