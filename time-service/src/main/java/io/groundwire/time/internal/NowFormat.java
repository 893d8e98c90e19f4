package io.groundwire.time.internal;

import io.groundwire.time.TimeServiceException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The formats {@code /api/now?format=} offers. */
final class NowFormat {
  private NowFormat() {}

  /**
   * {@code instant} in {@code format}: rfc3339 (local, µs), rfc1123 (always GMT, as HTTP dates are),
   * epoch (seconds), epoch_ms, epoch_ns.
   */
  static Object format(String format, Instant instant, ZoneId zone) {
    return switch (format) {
      case "rfc3339" -> TimeFormats.micros(instant.atZone(zone).toOffsetDateTime());
      case "rfc1123" -> DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneId.of("GMT")));
      case "epoch" -> instant.getEpochSecond();
      case "epoch_ms" -> instant.toEpochMilli();
      case "epoch_ns" -> instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
      default -> throw new TimeServiceException(400, "unknown format '" + format
          + "'; use rfc3339, rfc1123, epoch, epoch_ms or epoch_ns", Map.of("format", format));
    };
  }
}
