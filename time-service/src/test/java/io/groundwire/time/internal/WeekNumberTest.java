package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groundwire.time.ZonedTime;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** ISO 8601 week numbers at year ends, where naive "day of year / 7" goes wrong. */
class WeekNumberTest {
  private static int week(String instant) {
    return ZonedTime.of(Instant.parse(instant), ZoneId.of("UTC"), "").weekNumber();
  }

  @Test
  void firstOfJanuary2027BelongsToWeek53Of2026() {
    assertEquals(53, week("2027-01-01T12:00:00Z"));
  }

  @Test
  void thirdOfJanuary2021IsStillWeek53Of2020() {
    assertEquals(53, week("2021-01-03T12:00:00Z"));
  }

  @Test
  void thirtiethOfDecember2024IsWeek1Of2025() {
    assertEquals(1, week("2024-12-30T12:00:00Z"));
  }

  @Test
  void weekNumberFollowsTheLocalDateNotUtc() {
    // 2025-01-05T23:30Z is Monday 2025-01-06 in Tokyo (week 2) but Sunday in UTC (week 1).
    assertEquals(1, week("2025-01-05T23:30:00Z"));
    assertEquals(2, ZonedTime.of(Instant.parse("2025-01-05T23:30:00Z"), ZoneId.of("Asia/Tokyo"), "")
        .weekNumber());
  }
}
