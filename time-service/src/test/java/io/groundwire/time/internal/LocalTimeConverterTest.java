package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groundwire.time.Ambiguity;
import io.groundwire.time.Conversion;
import io.groundwire.time.Conversion.Resolution;
import io.groundwire.time.TimeServiceException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimeConverterTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Conversion convert(ZoneId from, String local, Ambiguity ambiguity) {
    return LocalTimeConverter.convert(from, local, UTC, ambiguity);
  }

  @Test
  void ordinaryLocalTimeConvertsExactly() {
    Conversion c = LocalTimeConverter.convert(BERLIN, "2026-07-01T12:00:00", NEW_YORK, Ambiguity.REJECT);
    assertEquals(Resolution.EXACT, c.resolution());
    assertEquals("2026-07-01T06:00-04:00[America/New_York]", c.to().toString());
  }

  @Test
  void berlinSpringGapWithEarlierUsesTheWinterOffset() {
    Conversion c = convert(BERLIN, "2026-03-29T02:30:00", Ambiguity.EARLIER);
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), c.instant());
    assertEquals("2026-03-29T03:30+02:00[Europe/Berlin]", c.from().toString());
    assertEquals(Resolution.GAP_EARLIER, c.resolution());
  }

  @Test
  void berlinSpringGapWithLaterUsesTheSummerOffset() {
    Conversion c = convert(BERLIN, "2026-03-29T02:30:00", Ambiguity.LATER);
    assertEquals(Instant.parse("2026-03-29T00:30:00Z"), c.instant());
    assertEquals(Resolution.GAP_LATER, c.resolution());
  }

  @Test
  void berlinSpringGapIsRejectedWith422AndBothReadings() {
    TimeServiceException e = assertThrows(TimeServiceException.class,
        () -> convert(BERLIN, "2026-03-29T02:30:00", Ambiguity.REJECT));
    assertEquals(422, e.status());
    assertEquals("gap", e.details().get("kind"));
    assertEquals("2026-03-29T02:30:00+01:00", e.details().get("earlier"));
    assertEquals("2026-03-29T02:30:00+02:00", e.details().get("later"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aSkippedDayIsNamedWithItsDatesInTheGapMessage() {
    TimeServiceException e = assertThrows(TimeServiceException.class, () -> LocalTimeConverter.convert(
        java.time.ZoneId.of("Pacific/Apia"), "2011-12-30T12:00", java.time.ZoneId.of("UTC"), Ambiguity.REJECT));
    assertEquals(422, e.status());
    assertTrue(e.getMessage().contains("from 00:00 to 2011-12-31T00:00"), e.getMessage());
  }

  @Test
  void aDateTimeTheOtherZoneCannotShowIs400() {
    TimeServiceException e = assertThrows(TimeServiceException.class, () -> LocalTimeConverter.convert(
        java.time.ZoneId.of("UTC"), "+999999999-12-31T23:59:59", java.time.ZoneId.of("Pacific/Kiritimati"),
        Ambiguity.REJECT));
    assertEquals(400, e.status());
  }

  @Test
  void berlinAutumnOverlapPicksTheFirstOrSecondOccurrence() {
    assertEquals(Instant.parse("2026-10-25T00:30:00Z"),
        convert(BERLIN, "2026-10-25T02:30:00", Ambiguity.EARLIER).instant());
    assertEquals(Instant.parse("2026-10-25T01:30:00Z"),
        convert(BERLIN, "2026-10-25T02:30:00", Ambiguity.LATER).instant());
  }

  @Test
  void newYorkOverlapIsRejectedUnlessResolved() {
    TimeServiceException e = assertThrows(TimeServiceException.class,
        () -> convert(NEW_YORK, "2026-11-01T01:30:00", Ambiguity.REJECT));
    assertEquals("overlap", e.details().get("kind"));
    Conversion later = convert(NEW_YORK, "2026-11-01T01:30:00", Ambiguity.LATER);
    assertEquals(Instant.parse("2026-11-01T06:30:00Z"), later.instant());
    assertEquals(Resolution.OVERLAP_LATER, later.resolution());
  }

  @Test
  void newYorkSpringGapShiftsByOneHour() {
    assertEquals(Instant.parse("2026-03-08T07:30:00Z"),
        convert(NEW_YORK, "2026-03-08T02:30:00", Ambiguity.EARLIER).instant());
  }

  @Test
  void lordHoweThirtyMinuteGapAndOverlap() {
    // Lord Howe moves between +10:30 and +11:00 at 02:00 local.
    assertEquals(Instant.parse("2026-10-03T15:45:00Z"),
        convert(LORD_HOWE, "2026-10-04T02:15:00", Ambiguity.EARLIER).instant());
    assertEquals(Instant.parse("2026-10-03T15:15:00Z"),
        convert(LORD_HOWE, "2026-10-04T02:15:00", Ambiguity.LATER).instant());
    assertEquals(Instant.parse("2026-04-04T14:45:00Z"),
        convert(LORD_HOWE, "2026-04-05T01:45:00", Ambiguity.EARLIER).instant());
    assertEquals(Instant.parse("2026-04-04T15:15:00Z"),
        convert(LORD_HOWE, "2026-04-05T01:45:00", Ambiguity.LATER).instant());
  }

  @Test
  void dateTimeWithOffsetIsTakenAsGiven() {
    Conversion c = LocalTimeConverter.convert(BERLIN, "2026-03-29T02:30:00+01:00", UTC, Ambiguity.REJECT);
    assertEquals(Resolution.OFFSET_GIVEN, c.resolution());
    assertEquals(Instant.parse("2026-03-29T01:30:00Z"), c.instant());
  }

  @Test
  void malformedDateTimeIs400SayingWhatWasWrong() {
    TimeServiceException e = assertThrows(TimeServiceException.class,
        () -> convert(BERLIN, "2026-02-30T10:00", Ambiguity.REJECT));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("2026-02-30T10:00"), e.getMessage());
  }
}
