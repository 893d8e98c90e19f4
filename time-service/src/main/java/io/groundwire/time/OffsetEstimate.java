package io.groundwire.time;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the local clock is from a time source, measured honestly: the true offset lies within
 * {@code offset ± errorBound} (assuming the source's own clock is within its announced dispersion).
 *
 * @param offset the source's clock minus the local clock: positive means the local clock is behind
 * @param delay the round trip of the sample used (for one-second sources, the whole exchange)
 * @param errorBound half the delay plus the source's dispersion (plus half a second for sources that
 *     only tell whole seconds)
 * @param samples how many samples were taken and answered
 * @param source what answered, as a URI ("sntp://127.0.0.1:10123", "http://host/api/sync")
 * @param localTime the local clock's reading when the sample used was answered
 */
public record OffsetEstimate(
    Duration offset, Duration delay, Duration errorBound, int samples, String source, Instant localTime) {

  /** The source's time at {@link #localTime()}: the local reading corrected by the offset. */
  public Instant sourceTime() {
    return localTime.plus(offset);
  }

  /** True when {@code trueOffset} lies within this estimate's error bound. */
  public boolean contains(Duration trueOffset) {
    return offset.minus(trueOffset).abs().compareTo(errorBound) <= 0;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "offset %+.6f s ± %.6f s, delay %.6f s, %d samples, from %s",
        seconds(offset), seconds(errorBound), seconds(delay), samples, source);
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
