package io.groundwire.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeServiceOptionsTest {
  @Test
  void aRateLimitThatIsNotANumberIsRefusedRatherThanTurnedOff() {
    for (double rate : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TimeServiceOptions.builder().rateLimit(rate, 10));
      assertTrue(e.getMessage().startsWith("rate limit must be a finite number"), e.getMessage());
    }
  }

  @Test
  void aZeroOrNegativeRateTurnsTheLimitOff() {
    assertEquals(0, TimeServiceOptions.builder().rateLimit(-3, 0).build().ratePerSecond());
  }

  @Test
  void rootDispersionAndDelayMustFitNtpShortFormat() {
    Duration largest = Duration.ofSeconds(65_535, 999_999_999);
    assertEquals(largest, TimeServiceOptions.builder().rootDispersion(largest).build().rootDispersion());
    assertEquals(largest, TimeServiceOptions.builder().rootDelay(largest).build().rootDelay());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeServiceOptions.builder().rootDispersion(Duration.ofSeconds(65_536)));
    assertEquals("root dispersion must be under 65536 s (NTP's short format), was PT18H12M16S", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TimeServiceOptions.builder().rootDelay(Duration.ofDays(365 * 70)));
    assertThrows(IllegalArgumentException.class,
        () -> TimeServiceOptions.builder().rootDelay(Duration.ofNanos(-1)));
  }
}
