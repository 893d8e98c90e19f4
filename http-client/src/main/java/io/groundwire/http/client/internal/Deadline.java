package io.groundwire.http.client.internal;

import io.groundwire.http.client.CallTimeoutException;

/** The end of a whole call, or none. Checked between steps; the watchdog enforces it during I/O. */
final class Deadline {
  private final long endNanos;
  private final long timeoutNanos;

  private Deadline(long endNanos, long timeoutNanos) {
    this.endNanos = endNanos;
    this.timeoutNanos = timeoutNanos;
  }

  static Deadline after(long timeoutNanos) {
    return new Deadline(timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0, timeoutNanos);
  }

  /** The absolute end for {@link RealConnection} (0 for none). */
  long endNanos() {
    return endNanos;
  }

  /** Nanoseconds left, or -1 for no deadline; 0 once passed. */
  long remainingNanos() {
    if (timeoutNanos == 0) {
      return -1;
    }
    return Math.max(0, endNanos - System.nanoTime());
  }

  /** Throws if the deadline has passed. */
  void check(String during) throws CallTimeoutException {
    if (timeoutNanos != 0 && endNanos - System.nanoTime() <= 0) {
      throw new CallTimeoutException("call timed out after " + timeoutNanos / 1_000_000 + " ms " + during);
    }
  }
}
