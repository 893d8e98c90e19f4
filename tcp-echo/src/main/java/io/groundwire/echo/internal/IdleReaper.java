package io.groundwire.echo.internal;

import java.time.Duration;

/**
 * Closes conversations in which no byte has moved either way for longer than the idle timeout.
 * One virtual thread checks them all periodically, so reads and writes carry no per-call timer.
 */
public final class IdleReaper {
  private final Conversations connections;
  private final long timeoutNanos;
  private final long periodMillis;
  private final ServerCounters counters;
  private Thread thread;

  /** A reaper for {@code connections}; nothing happens until {@link #start()}. */
  public IdleReaper(Conversations connections, Duration timeout, ServerCounters counters) {
    this.connections = connections;
    this.timeoutNanos = timeout.toNanos();
    // Checking a tenth of the timeout apart keeps a conversation at most 10% past its timeout.
    this.periodMillis = Math.max(10, Math.min(1_000, timeout.toMillis() / 10));
    this.counters = counters;
  }

  /** Starts checking on a virtual thread. */
  public void start() {
    thread = Thread.ofVirtual().name("echo-idle-reaper").start(this::run);
  }

  /** Stops checking. */
  public void stop() {
    thread.interrupt();
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (EchoConnection connection : connections.open()) {
        if (connection.idleNanos(now) >= timeoutNanos && connection.close()) {
          counters.idleClosed.increment();
        }
      }
    }
  }
}
