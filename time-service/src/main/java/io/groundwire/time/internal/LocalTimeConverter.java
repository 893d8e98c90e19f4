package io.groundwire.time.internal;

import io.groundwire.time.Ambiguity;
import io.groundwire.time.Conversion;
import io.groundwire.time.Conversion.Resolution;
import io.groundwire.time.TimeServiceException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a date-time between zones, resolving DST gaps and overlaps only as the caller asked. */
public final class LocalTimeConverter {
  private LocalTimeConverter() {}

  /**
   * Converts {@code dateTime} (ISO local "2026-03-29T02:30", or with an offset, which then wins) in
   * {@code from} to {@code to}.
   *
   * @throws TimeServiceException 400 for a malformed date-time, 422 for a gap or overlap with
   *     {@link Ambiguity#REJECT} (details carry both readings)
   */
  public static Conversion convert(ZoneId from, String dateTime, ZoneId to, Ambiguity ambiguity) {
    if (dateTime.length() > 64) {
      throw new TimeServiceException(400, "dateTime is too long to be a date-time");
    }
    try {
      return convertInRange(from, dateTime, to, ambiguity);
    } catch (DateTimeException e) {
      // e.g. +999999999-12-31T23:59 in UTC is past the last instant another zone can show
      throw new TimeServiceException(400, "dateTime '" + dateTime + "' cannot be shown in both zones: it is at"
          + " the edge of the supported range (years -999999999 to 999999999)");
    }
  }

  private static Conversion convertInRange(ZoneId from, String dateTime, ZoneId to, Ambiguity ambiguity) {
    try {
      OffsetDateTime withOffset = OffsetDateTime.parse(dateTime);
      return new Conversion(withOffset.atZoneSameInstant(from),
          withOffset.atZoneSameInstant(to), Resolution.OFFSET_GIVEN);
    } catch (DateTimeParseException notWithOffset) {
      // Fall through: most callers send a local date-time.
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(dateTime);
    } catch (DateTimeParseException e) {
      throw new TimeServiceException(400, "dateTime '" + dateTime + "' is not an ISO 8601 date-time"
          + " like 2026-03-29T02:30:00 (" + e.getMessage() + ")");
    }
    ZonedDateTime resolved = resolve(local, from, ambiguity);
    Resolution resolution = resolutionOf(local, from, ambiguity);
    return new Conversion(resolved, resolved.withZoneSameInstant(to), resolution);
  }

  private static ZonedDateTime resolve(LocalDateTime local, ZoneId zone, Ambiguity ambiguity) {
    List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
    if (valid.size() == 1) {
      return ZonedDateTime.ofLocal(local, zone, null);
    }
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    String kind = transition.isGap() ? "gap" : "overlap";
    if (ambiguity == Ambiguity.REJECT) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("kind", kind);
      details.put("earlier", TimeFormats.SECONDS.format(local.atOffset(transition.getOffsetBefore())));
      details.put("later", TimeFormats.SECONDS.format(local.atOffset(transition.getOffsetAfter())));
      String what = (transition.isGap() ? "does not exist: the clocks skip from " : "happens twice: the clocks go back from ")
          + clockReading(transition.getDateTimeBefore(), local) + " to " + clockReading(transition.getDateTimeAfter(), local);
      throw new TimeServiceException(422, local + " in " + zone.getId() + " " + what
          + "; resend with ambiguity earlier or later", details);
    }
    ZoneOffset offset = ambiguity == Ambiguity.EARLIER
        ? transition.getOffsetBefore() : transition.getOffsetAfter();
    return local.atOffset(offset).atZoneSameInstant(zone);
  }

  /** The time of day, with its date too when that is not the date asked about (a skipped day). */
  private static String clockReading(LocalDateTime reading, LocalDateTime asked) {
    return reading.toLocalDate().equals(asked.toLocalDate()) ? reading.toLocalTime().toString() : reading.toString();
  }

  private static Resolution resolutionOf(LocalDateTime local, ZoneId zone, Ambiguity ambiguity) {
    List<ZoneOffset> valid = zone.getRules().getValidOffsets(local);
    if (valid.size() == 1) {
      return Resolution.EXACT;
    }
    boolean earlier = ambiguity == Ambiguity.EARLIER;
    if (valid.isEmpty()) {
      return earlier ? Resolution.GAP_EARLIER : Resolution.GAP_LATER;
    }
    return earlier ? Resolution.OVERLAP_EARLIER : Resolution.OVERLAP_LATER;
  }
}
