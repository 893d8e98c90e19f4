package io.groundwire.time.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The Daytime (RFC 867) line. RFC 867 fixes no syntax but suggests "Weekday, Month Day, Year
 * Time-Zone"; ours follows it and adds the numeric offset so a program can read it back:
 * {@code "Monday, November 23, 2026 22:40:12 +01:00 (CET)\r\n"}, ASCII only.
 */
public final class DaytimeFormat {
  private static final DateTimeFormatter LINE =
      DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu HH:mm:ss xxx", Locale.US);

  private DaytimeFormat() {}

  /** The line for {@code instant} in {@code zone}, ending in CRLF. */
  public static String line(Instant instant, ZoneId zone) {
    ZonedDateTime at = instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    return LINE.format(at) + " (" + ZoneAbbreviations.of(zone, instant) + ")\r\n";
  }

  /**
   * Reads the instant from a Daytime line: ours, an ISO 8601 date-time with offset, or an RFC 1123
   * date. Other servers' free-form lines give empty.
   */
  public static Optional<Instant> parse(String line) {
    String text = line.strip();
    int paren = text.indexOf(" (");
    String ours = paren < 0 ? text : text.substring(0, paren);
    for (DateTimeFormatter format : new DateTimeFormatter[] {
        LINE, DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME}) {
      try {
        return Optional.of(OffsetDateTime.parse(format == LINE ? ours : text, format).toInstant());
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
