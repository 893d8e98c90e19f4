package io.groundwire.echo.internal;

import io.groundwire.echo.EchoServerStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counters an echo server keeps; conversations add to them from many threads at once. */
public final class ServerCounters {
  final LongAdder accepted = new LongAdder();
  final AtomicLong active = new AtomicLong();
  final LongAdder refused = new LongAdder();
  final LongAdder idleClosed = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder datagrams = new LongAdder();

  /** Counts an accepted connection and reserves a slot; false (and counted as refused) when the limit is reached. */
  public boolean admit(int maxConnections) {
    accepted.increment();
    while (true) {
      long current = active.get();
      if (current >= maxConnections) {
        refused.increment();
        return false;
      }
      if (active.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  /** Frees the slot of a conversation that ended. */
  public void release() {
    active.decrementAndGet();
  }

  /** The current values. */
  public EchoServerStats snapshot() {
    return new EchoServerStats(
        accepted.sum(), active.get(), refused.sum(), idleClosed.sum(),
        bytesIn.sum(), bytesOut.sum(), datagrams.sum());
  }
}
