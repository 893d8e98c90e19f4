package io.groundwire.time.internal;

import io.groundwire.time.OffsetEstimate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The arithmetic of offset estimation. Local times come from one wall-clock reading advanced by
 * {@link System#nanoTime()}, so a clock step during the measurement cannot distort a round trip.
 */
public final class Samples {
  private Samples() {}

  /**
   * One NTP-style exchange, all times in nanoseconds since the epoch: client send (t1), server
   * receive (t2), server send (t3), client receive (t4); {@code dispersion} is the server's own
   * error budget.
   */
  public record Exchange(long t1, long t2, long t3, long t4, long dispersion) {
    /**
     * Checks that the offset and delay can be computed in 64 bits.
     *
     * @throws IllegalArgumentException when the server's times are so far from ours that they overflow
     *     (about 146 years), or the dispersion is negative
     */
    public Exchange {
      try {
        Math.addExact(Math.subtractExact(t2, t1), Math.subtractExact(t3, t4));
        Math.subtractExact(Math.subtractExact(t4, t1), Math.subtractExact(t3, t2));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the server's times (" + t2 + ", " + t3
            + " ns since 1970) are too far from ours to compute an offset");
      }
      if (dispersion < 0) {
        throw new IllegalArgumentException("negative dispersion: " + dispersion);
      }
    }

    /** The round trip minus the server's time holding the request, never negative. */
    public long delay() {
      return Math.max(0, (t4 - t1) - (t3 - t2));
    }

    /** ((t2 - t1) + (t3 - t4)) / 2. */
    public long offset() {
      return Math.floorDiv((t2 - t1) + (t3 - t4), 2);
    }
  }

  /** A local time base: the wall clock read once, then advanced by the monotonic clock. */
  public static final class LocalTimeline {
    private final long wallNanos;
    private final long monoBase;

    public LocalTimeline(Clock clock) {
      this.monoBase = System.nanoTime();
      this.wallNanos = nanos(clock.instant());
    }

    /** The local clock now, in nanoseconds since the epoch. */
    public long now() {
      return wallNanos + (System.nanoTime() - monoBase);
    }
  }

  /**
   * Cristian's rule: the exchange with the smallest delay bounds the offset most tightly.
   *
   * @throws IllegalArgumentException when there are no exchanges
   */
  public static OffsetEstimate best(List<Exchange> exchanges, String source) {
    Exchange best = exchanges.stream()
        .min(java.util.Comparator.comparingLong(Exchange::delay))
        .orElseThrow(() -> new IllegalArgumentException("no samples"));
    long bound = saturatedAdd(best.delay() / 2, best.dispersion());
    return new OffsetEstimate(Duration.ofNanos(best.offset()), Duration.ofNanos(best.delay()),
        Duration.ofNanos(bound), exchanges.size(), source, instant(best.t4()));
  }

  /**
   * A source that tells only whole seconds ({@code serverSecond}, truncated) at some moment between
   * local {@code t1} and {@code t4}: the offset lies in [S - t4, S + 1 s - t1].
   */
  public static OffsetEstimate wholeSecond(long serverSecond, long t1, long t4, String source) {
    long s = serverSecond * 1_000_000_000L;
    long low = s - t4;
    long high = s + 1_000_000_000L - t1;
    return new OffsetEstimate(Duration.ofNanos(Math.floorDiv(low + high, 2)), Duration.ofNanos(t4 - t1),
        Duration.ofNanos(Math.floorDiv(high - low + 1, 2)), 1, source, instant(t4));
  }

  /** {@code a + b} for non-negative values, at most {@code Long.MAX_VALUE}. */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  public static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
