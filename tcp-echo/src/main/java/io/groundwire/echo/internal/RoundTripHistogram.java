package io.groundwire.echo.internal;

/**
 * Round-trip times in bounded memory: a log-linear histogram (128 linear steps per power of two,
 * so any recorded value is kept within 0.8%) over nanoseconds. One per connection, merged at the end;
 * not thread-safe.
 */
public final class RoundTripHistogram {
  private static final int SUB_BITS = 7;
  private static final int SUB_COUNT = 1 << SUB_BITS;
  private static final int BUCKETS = (64 - SUB_BITS) * SUB_COUNT;

  private final long[] counts = new long[BUCKETS];
  private long count;
  private long max;
  private double sum;

  /** Records one round trip of {@code nanos} (negative values count as 0). */
  public void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(value)]++;
    count++;
    sum += value;
    if (value > max) {
      max = value;
    }
  }

  /** Adds every value recorded in {@code other}. */
  public void add(RoundTripHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    count += other.count;
    sum += other.sum;
    max = Math.max(max, other.max);
  }

  /** Values recorded. */
  public long count() {
    return count;
  }

  /** The largest value recorded, exact. */
  public long max() {
    return max;
  }

  /** The mean of the recorded values, exact. */
  public long mean() {
    return count == 0 ? 0 : Math.round(sum / count);
  }

  /** The value at or below which {@code fraction} (0..1) of the recorded values lie; 0 when empty. */
  public long percentile(double fraction) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * count));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(max, middleOf(i));
      }
    }
    return max;
  }

  static int index(long value) {
    if (value < SUB_COUNT) {
      return (int) value;
    }
    int highestBit = 63 - Long.numberOfLeadingZeros(value);
    int shift = highestBit - SUB_BITS;
    return ((shift + 1) << SUB_BITS) + (int) ((value >>> shift) & (SUB_COUNT - 1));
  }

  static long middleOf(int index) {
    if (index < SUB_COUNT) {
      return index;
    }
    int shift = (index >>> SUB_BITS) - 1;
    long lowest = (long) (SUB_COUNT + (index & (SUB_COUNT - 1))) << shift;
    return lowest + ((1L << shift) >>> 1);
  }
}
