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

  /** {@code dateTime} truncated to microseconds in worldtimeapi's form. */
  public static String micros(OffsetDateTime dateTime) {
    return MICROS.format(dateTime.truncatedTo(ChronoUnit.MICROS));
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
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    return String.format(Locale.ROOT, "%s%02d:%02d", total < 0 ? "-" : "+", abs / 3600, (abs % 3600) / 60);
  }
}
