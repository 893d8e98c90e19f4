package io.groundwire.time.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the two 1900-based wire formats: NTP's 64-bit timestamps (RFC 5905 §6: 32 bits
 * of seconds, 32 bits of fraction) and RFC 868's 32-bit seconds. Both wrap every 2^32 seconds; era 0
 * ends and era 1 begins at 2036-02-07T06:28:16Z. Decoding needs a pivot: the result is the instant
 * within 68 years of it, so any clock that is right to within a few decades decodes correctly across
 * the 2036 rollover.
 */
public final class NtpTime {
  /** Seconds from 1900-01-01T00:00Z (the NTP/RFC 868 epoch) to 1970-01-01T00:00Z. */
  public static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

  /** The first instant of NTP era 1, when 32-bit seconds since 1900 wrap to zero. */
  public static final Instant ERA_1_START = Instant.ofEpochSecond((1L << 32) - SECONDS_1900_TO_1970);

  private static final long ERA = 1L << 32;
  private static final long HALF_ERA = 1L << 31;

  private NtpTime() {}

  /** The 32-bit seconds since 1900 (RFC 868), modulo 2^32; always in [0, 2^32). */
  public static long toSeconds32(Instant instant) {
    return Math.floorMod(instant.getEpochSecond() + SECONDS_1900_TO_1970, ERA);
  }

  /** The instant within 68 years of {@code pivot} whose 32-bit seconds since 1900 are {@code seconds}. */
  public static Instant fromSeconds32(long seconds, Instant pivot) {
    return Instant.ofEpochSecond(unwrap(seconds & 0xFFFF_FFFFL, pivot) - SECONDS_1900_TO_1970);
  }

  /** The 64-bit NTP timestamp of {@code instant} (fraction rounded down, 2^-32 s ≈ 233 ps). */
  public static long toTimestamp(Instant instant) {
    long seconds = toSeconds32(instant);
    long fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
    return (seconds << 32) | fraction;
  }

  /** The instant within 68 years of {@code pivot} for a 64-bit NTP timestamp, rounded to the nanosecond. */
  public static Instant fromTimestamp(long timestamp, Instant pivot) {
    long seconds = unwrap(timestamp >>> 32, pivot) - SECONDS_1900_TO_1970;
    long fraction = timestamp & 0xFFFF_FFFFL;
    long nanos = (fraction * 1_000_000_000L + HALF_ERA) >>> 32;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /**
   * The instant of a 64-bit NTP timestamp by RFC 4330 §3's rule, used when no better clock is at hand:
   * the most significant bit set means 1968-2036 (era 0), clear means 2036-2104 (era 1).
   */
  public static Instant fromTimestamp(long timestamp) {
    return fromTimestamp(timestamp, ERA_1_START);
  }

  /** NTP short format (RFC 5905 §6: 16 bits of seconds, 16 of fraction), saturating at its maximum. */
  public static int toShort(Duration duration) {
    if (duration.isNegative()) {
      return 0;
    }
    if (duration.getSeconds() >= 0xFFFF) {
      return 0xFFFF_FFFF;
    }
    long fraction = ((long) duration.getNano() << 16) / 1_000_000_000L;
    return (int) ((duration.getSeconds() << 16) | fraction);
  }

  /** The duration of an NTP short-format value. */
  public static Duration fromShort(int value) {
    long unsigned = value & 0xFFFF_FFFFL;
    return Duration.ofSeconds(unsigned >>> 16, ((unsigned & 0xFFFF) * 1_000_000_000L) >>> 16);
  }

  private static long unwrap(long secondsInEra, Instant pivot) {
    long base = pivot.getEpochSecond() + SECONDS_1900_TO_1970 - HALF_ERA;
    return base + Math.floorMod(secondsInEra - base, ERA);
  }
}
