package io.groundwire.time.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The date-time text forms the service writes, each in exactly one place. */
public final class TimeFormats {
  /** worldtimeapi's form: microseconds always, offset as ±HH:MM ("2026-11-23T21:40:12.123456+01:00"). */
  public static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
      .appendOffset("+HH:MM", "+00:00")
      .toFormatter(Locale.ROOT);

  /** Whole seconds with ±HH:MM ("2026-03-29T01:00:00+00:00"), used for transitions. */
  public static final DateTimeFormatter SECONDS = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
      .appendOffset("+HH:MM", "+00:00")
      .toFormatter(Locale.ROOT);

  private TimeFormats() {}

  /**
   * {@code dateTime} truncated to microseconds in worldtimeapi's form. Formatted by hand: it is on
   * every response's hot path and a DateTimeFormatter costs several times more.
   */
  public static String micros(OffsetDateTime dateTime) {
    return appendMicros(new StringBuilder(32), dateTime).toString();
  }

  /** Appends {@link #micros}'s form of {@code dateTime} to {@code out}, with no intermediate strings. */
  public static StringBuilder appendMicros(StringBuilder out, OffsetDateTime dateTime) {
    int year = dateTime.getYear();
    if (year < 0 || year > 9999) {
      return out.append(MICROS.format(dateTime.truncatedTo(ChronoUnit.MICROS)));
    }
    appendSeconds(out, year, dateTime).append('.');
    digits(out, dateTime.getNano() / 1000, 6);
    return appendOffset(out, dateTime.getOffset());
  }

  private static StringBuilder appendSeconds(StringBuilder out, int year, OffsetDateTime dateTime) {
    digits(out, year, 4).append('-');
    digits(out, dateTime.getMonthValue(), 2).append('-');
    digits(out, dateTime.getDayOfMonth(), 2).append('T');
    digits(out, dateTime.getHour(), 2).append(':');
    digits(out, dateTime.getMinute(), 2).append(':');
    return digits(out, dateTime.getSecond(), 2);
  }

  /** Appends {@code value} (0 or more) zero-padded to {@code width} digits. */
  private static StringBuilder digits(StringBuilder out, int value, int width) {
    int divisor = 1;
    for (int i = 1; i < width; i++) {
      divisor *= 10;
    }
    if (value >= divisor * 10) {
      return out.append(value); // wider than width: no padding needed, nothing cut
    }
    for (; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
    return out;
  }

  /** Appends an offset as ±HH:MM, seconds dropped. */
  public static StringBuilder appendOffset(StringBuilder out, ZoneOffset offset) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    out.append(total < 0 ? '-' : '+');
    digits(out, abs / 3600, 2).append(':');
    return digits(out, (abs % 3600) / 60, 2);
  }

  /** {@code instant} in UTC, truncated to microseconds, in worldtimeapi's form. */
  public static String microsUtc(Instant instant) {
    return micros(instant.atOffset(ZoneOffset.UTC));
  }

  /** {@code instant} in UTC with whole seconds. */
  public static String secondsUtc(Instant instant) {
    return appendSecondsUtc(new StringBuilder(25), instant).toString();
  }

  /** Appends {@link #secondsUtc}'s form of {@code instant} to {@code out}. */
  public static StringBuilder appendSecondsUtc(StringBuilder out, Instant instant) {
    OffsetDateTime utc = instant.atOffset(ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      return out.append(SECONDS.format(utc));
    }
    return appendSeconds(out, year, utc).append("+00:00");
  }

  /** An offset as ±HH:MM, seconds dropped (no zone in use today has them). */
  public static String offset(ZoneOffset offset) {
    return appendOffset(new StringBuilder(6), offset).toString();
  }
}
