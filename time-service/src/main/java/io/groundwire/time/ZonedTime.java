package io.groundwire.time;

import io.groundwire.time.internal.ZonePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneRulesProvider;
import java.util.Objects;

/**
 * The time in one zone at one instant, with exactly the fields of a worldtimeapi.org response
 * (plus {@code tzdb_version}), as typed values. The service writes it as JSON or text; {@link
 * TimeClient} reads it back.
 *
 * @param timezone the zone ID ("Europe/Berlin")
 * @param abbreviation the zone's abbreviation in force ("CET", "+04")
 * @param dateTime the local date-time with its offset, microsecond precision
 * @param utcOffset the total offset from UTC in force (standard plus daylight saving)
 * @param rawOffset the standard offset, excluding daylight saving (worldtimeapi's {@code raw_offset})
 * @param dstOffset the daylight-saving amount in force, zero outside DST
 * @param dst whether daylight saving is in force
 * @param dstFrom when the current DST period began, null when {@code dst} is false
 * @param dstUntil when the current DST period ends, null when {@code dst} is false
 * @param dayOfWeek 0 = Sunday ... 6 = Saturday, as worldtimeapi counts
 * @param dayOfYear 1-366
 * @param weekNumber the ISO 8601 week number, 1-53
 * @param clientIp the caller's address as the server saw it (may be empty)
 * @param tzdbVersion the tz database version the server used, null from servers that do not say
 */
public record ZonedTime(
    String timezone,
    String abbreviation,
    OffsetDateTime dateTime,
    ZoneOffset utcOffset,
    Duration rawOffset,
    Duration dstOffset,
    boolean dst,
    Instant dstFrom,
    Instant dstUntil,
    int dayOfWeek,
    int dayOfYear,
    int weekNumber,
    String clientIp,
    String tzdbVersion) {

  public ZonedTime {
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(utcOffset, "utcOffset");
    Objects.requireNonNull(rawOffset, "rawOffset");
    Objects.requireNonNull(dstOffset, "dstOffset");
  }

  /** Computes the time in {@code zone} at {@code instant} (truncated to microseconds). */
  public static ZonedTime of(Instant instant, ZoneId zone, String clientIp) {
    Instant at = instant.truncatedTo(ChronoUnit.MICROS);
    ZonePeriod period = ZonePeriod.of(zone, at);
    OffsetDateTime local = at.atOffset(period.offset());
    return new ZonedTime(
        zone.getId(),
        period.abbreviation(),
        local,
        period.offset(),
        period.rawOffset(),
        period.dstOffset(),
        period.dst(),
        period.dstFrom(),
        period.dstUntil(),
        local.getDayOfWeek().getValue() % 7,
        local.getDayOfYear(),
        local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
        clientIp == null ? "" : clientIp,
        currentTzdbVersion());
  }

  /** This value as worldtimeapi's JSON object (plus {@code tzdb_version}). */
  public String toJson() {
    return io.groundwire.time.internal.WorldTimeFormat.json(this);
  }

  /** This value in worldtimeapi's {@code .txt} form: "key: value" lines. */
  public String toText() {
    return io.groundwire.time.internal.WorldTimeFormat.text(this);
  }

  /** The instant this time denotes. */
  public Instant instant() {
    return dateTime.toInstant();
  }

  /** Seconds since the Unix epoch (worldtimeapi's {@code unixtime}). */
  public long unixTime() {
    return dateTime.toEpochSecond();
  }

  /** The version of the JDK's tz database ("2025b"), or null if the provider does not say. */
  public static String currentTzdbVersion() {
    return TZDB_VERSION;
  }

  private static final String TZDB_VERSION = readTzdbVersion();

  private static String readTzdbVersion() {
    var versions = ZoneRulesProvider.getVersions("UTC");
    return versions.isEmpty() ? null : versions.lastKey();
  }
}
