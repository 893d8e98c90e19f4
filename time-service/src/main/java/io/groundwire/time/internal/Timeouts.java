package io.groundwire.time.internal;

import java.time.Duration;

/** Positive time limits as numbers for sockets and clocks, never overflowing or truncating. */
public final class Timeouts {
  private static final long MAX_NANOS = Long.MAX_VALUE / 4; // about 73 years

  private Timeouts() {}

  /**
   * {@code timeout} in nanoseconds, cut to about 73 years (a {@link Duration} goes far beyond).
   *
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static long nanos(Duration timeout) {
    requirePositive(timeout);
    return timeout.compareTo(Duration.ofNanos(MAX_NANOS)) >= 0 ? MAX_NANOS : timeout.toNanos();
  }

  /**
   * {@code timeout}, checked.
   *
   * @throws IllegalArgumentException if it is zero or negative
   */
  public static Duration requirePositive(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return timeout;
  }

  /** {@code timeout} in milliseconds for a socket option: at least 1, at most {@code Integer.MAX_VALUE}. */
  public static int millis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos(timeout) / 1_000_000));
  }
}
