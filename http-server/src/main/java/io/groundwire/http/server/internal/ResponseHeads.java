package io.groundwire.http.server.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import io.groundwire.http.HttpDates;

/**
 * The header lines every response carries, prepared once: {@code Server} at start, {@code Date}
 * and the access log's local time once a second (the second is checked on each use, which is cheaper
 * than formatting).
 */
final class ResponseHeads {
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneId.systemDefault());

  private record Second(long epochSecond, byte[] dateLine, String logTime) {}

  private final byte[] serverLine;
  private volatile Second second = format(System.currentTimeMillis() / 1000);

  ResponseHeads(String serverName) {
    serverLine = serverName == null ? new byte[0]
        : ("Server: " + serverName + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code Server: name\r\n}, or nothing. */
  byte[] serverLine() {
    return serverLine;
  }

  /** {@code Date: <IMF-fixdate>\r\n} for the current second. */
  byte[] dateLine() {
    return current().dateLine;
  }

  /** The current time as nginx's {@code $time_local}, e.g. {@code 23/Nov/2026:21:30:00 +0000}. */
  String logTime() {
    return current().logTime;
  }

  private Second current() {
    long now = System.currentTimeMillis() / 1000;
    Second s = second;
    if (s.epochSecond != now) {
      s = format(now);
      second = s;
    }
    return s;
  }

  private static Second format(long epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    byte[] date = ("Date: " + HttpDates.format(instant) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return new Second(epochSecond, date, LOG_TIME.format(ZonedDateTime.ofInstant(instant, ZoneId.systemDefault())));
  }
}
