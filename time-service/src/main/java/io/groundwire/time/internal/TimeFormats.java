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
    int year = dateTime.getYear();
    if (year < 0 || year > 9999) {
      return MICROS.format(dateTime.truncatedTo(ChronoUnit.MICROS));
    }
    StringBuilder out = new StringBuilder(32);
    digits(out, year, 4).append('-');
    digits(out, dateTime.getMonthValue(), 2).append('-');
    digits(out, dateTime.getDayOfMonth(), 2).append('T');
    digits(out, dateTime.getHour(), 2).append(':');
    digits(out, dateTime.getMinute(), 2).append(':');
    digits(out, dateTime.getSecond(), 2).append('.');
    digits(out, dateTime.getNano() / 1000, 6);
    return appendOffset(out, dateTime.getOffset()).toString();
  }

  private static StringBuilder digits(StringBuilder out, int value, int width) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  private static StringBuilder appendOffset(StringBuilder out, ZoneOffset offset) {
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
    return SECONDS.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** An offset as ±HH:MM, seconds dropped (no zone in use today has them). */
  public static String offset(ZoneOffset offset) {
    return appendOffset(new StringBuilder(6), offset).toString();
  }
}
